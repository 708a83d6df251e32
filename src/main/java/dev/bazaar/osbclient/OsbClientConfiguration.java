package dev.bazaar.osbclient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link OsbClientProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OsbClientProperties.class)
class OsbClientConfiguration {

}
