package org.beacon.identity.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.ParameterizableViewController;

/**
 * Sends {@code /} to the account page only while no other module serves it. This mapping is consulted
 * after every controller and after Spring Boot's welcome page (order 2), but before static resources, so a
 * home page controller or an {@code index} template anywhere replaces it without any change here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HomeFallback {

	/** Between the welcome page mapping (2) and the static resource mapping (lowest precedence - 1). */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Bean
	SimpleUrlHandlerMapping identityHomeFallback() {
		var toAccount = new ParameterizableViewController();
		toAccount.setViewName("redirect:/account");
		return new SimpleUrlHandlerMapping(Map.of("/", toAccount), ORDER);
	}
}
