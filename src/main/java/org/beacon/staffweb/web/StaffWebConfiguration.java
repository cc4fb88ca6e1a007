package org.beacon.staffweb.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Role checks on the staff controllers ({@code @PreAuthorize}) and the map settings. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(MapProperties.class)
class StaffWebConfiguration {
}
