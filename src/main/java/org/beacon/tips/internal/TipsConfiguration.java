package org.beacon.tips.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the tip, receipt and anonymous-edge settings; the web-only parts live in {@link ResidentFacingSecurity}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AnonymousEdgeProperties.class, TipsProperties.class })
class TipsConfiguration {
}
