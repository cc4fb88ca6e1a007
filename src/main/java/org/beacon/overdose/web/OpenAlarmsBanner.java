package org.beacon.overdose.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.identity.SignedInStaff;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the count of unacknowledged alarms ({@value #ATTRIBUTE}) into every page rendered for a PARTNER or
 * SUPERVISOR, whatever module's controller made it; the shared layout shows it as a banner linking to the new
 * alarms. That is the "page" of "an alarm notifies partners and supervisors at once": no one who is signed in
 * misses one. It costs one indexed count per rendered page of those users, none for anyone else, for JSON or
 * for redirects.
 */
@Component
class OpenAlarmsBanner implements WebMvcConfigurer, HandlerInterceptor {

	static final String ATTRIBUTE = "openOverdoseAlarms";

	private final AlarmRepository alarms;
	private final Agencies agencies;
	/** The staff pages serve the default agency, whose id never changes while the server runs. */
	private final AtomicReference<AgencyId> agency = new AtomicReference<>();

	OpenAlarmsBanner(AlarmRepository alarms, Agencies agencies) {
		this.alarms = alarms;
		this.agencies = agencies;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !page.hasView() || page.getViewName() != null
				&& (page.getViewName().startsWith("redirect:") || page.getViewName().startsWith("forward:"))) {
			return;
		}
		if (!OverdoseAccess.has(OverdoseAccess.RESPOND)) {
			return;
		}
		page.addObject(ATTRIBUTE, alarms.countNew(agency.updateAndGet(id -> id != null ? id : SignedInStaff.agencyIn(agencies).id())));
	}
}
