package org.beacon.reports;

import java.util.Locale;

/** The Open311 attribute datatypes (GeoReport v2, Service Definition). */
public enum AttributeDatatype {
	STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static AttributeDatatype fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	public boolean isList() {
		return this == SINGLEVALUELIST || this == MULTIVALUELIST;
	}
}
