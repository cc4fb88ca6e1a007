package org.beacon.reports;

import java.util.List;

/** What an administrator (or the default seed) defines; {@link ServiceCatalogue#define} stores it. */
public record ServiceSpec(String code, String name, String description, String group, List<String> keywords,
		ServiceType type, boolean privateCategory, int slaHours, String serviceNotice, List<ServiceAttribute> attributes) {

	public ServiceSpec {
		if (code == null || !code.matches("[A-Za-z0-9_.-]{1,60}")) {
			throw new IllegalArgumentException("service code must be 1-60 letters, digits, '_', '.' or '-', was " + code);
		}
		if (slaHours <= 0) {
			throw new IllegalArgumentException("slaHours must be positive, was " + slaHours);
		}
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		attributes = attributes == null ? List.of() : List.copyOf(attributes);
		long distinctOrders = attributes.stream().mapToInt(ServiceAttribute::order).distinct().count();
		if (distinctOrders != attributes.size()) {
			throw new IllegalArgumentException("attribute order must be unique within service " + code);
		}
	}
}
