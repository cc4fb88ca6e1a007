package org.beacon.reports.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the role checks of {@link StaffAccess} in front of every staff report page. */
@Configuration(proxyBeanMethods = false)
class StaffReportsWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StaffAccess()).addPathPatterns("/staff/reports", "/staff/reports/**");
	}
}
