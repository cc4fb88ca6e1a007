package org.beacon.reports;

import java.util.List;

/**
 * One question of a service definition. {@code variable = false} means the attribute is only a notice
 * shown through {@code description}; list types carry their {@code values}.
 *
 * @param order position, 1 shown first, unique within the service
 */
public record ServiceAttribute(String code, boolean variable, AttributeDatatype datatype, boolean required,
		String datatypeDescription, int order, String description, List<Value> values) {

	public ServiceAttribute {
		if (code == null || !code.matches("[A-Za-z0-9_.-]{1,60}")) {
			throw new IllegalArgumentException("attribute code must be 1-60 letters, digits, '_', '.' or '-', was " + code);
		}
		if (order < 1) {
			throw new IllegalArgumentException("attribute order must be positive, was " + order);
		}
		if (datatype.isList() && (values == null || values.isEmpty())) {
			throw new IllegalArgumentException("list attribute " + code + " needs values");
		}
		values = values == null ? List.of() : List.copyOf(values);
	}

	/** An informational notice: shown to the resident, never answered. */
	public static ServiceAttribute notice(String code, int order, String text) {
		return new ServiceAttribute(code, false, AttributeDatatype.STRING, false, null, order, text, List.of());
	}

	/** One option of a list attribute. */
	public record Value(String key, String name) {
	}
}
