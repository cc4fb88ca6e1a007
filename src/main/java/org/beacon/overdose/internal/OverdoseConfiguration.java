package org.beacon.overdose.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverdoseProperties.class)
class OverdoseConfiguration {
}
