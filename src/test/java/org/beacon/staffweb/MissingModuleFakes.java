package org.beacon.staffweb;

import org.beacon.geography.Geography;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentQueries;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Test-only: while the geography and incidents modules are not in this branch, every Spring test context
 * gets the in-memory fakes in their place so the staff pages can start. Inert once the real modules are
 * there (it adds a fake only when no bean of the type exists); then it can be deleted.
 */
@Component
class MissingModuleFakes implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		ConfigurableListableBeanFactory beans = (ConfigurableListableBeanFactory) registry;
		if (beans.getBeanNamesForType(Geography.class, true, false).length == 0) {
			registry.registerBeanDefinition("fakeGeography", new RootBeanDefinition(FakeGeography.class));
		}
		if (beans.getBeanNamesForType(IncidentQueries.class, true, false).length == 0
				&& beans.getBeanNamesForType(IncidentImports.class, true, false).length == 0) {
			registry.registerBeanDefinition("fakeIncidents", new RootBeanDefinition(FakeIncidents.class));
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}
}
