package org.beacon.incidents;

/**
 * Beacon's offense categories: the 26 UCR classes, each with its UCR part (I or II) and its NIBRS group
 * (A or B). Source: FBI UCR Summary Reporting System offense classes; NIBRS User Manual group A/B lists.
 * St. Louis {@code Crime div 10000} is the UCR class number ({@link #ucrClass}).
 */
public enum OffenseCategory {
	HOMICIDE(1, 1, 'A', "Criminal homicide"),
	RAPE(2, 1, 'A', "Rape"),
	ROBBERY(3, 1, 'A', "Robbery"),
	AGGRAVATED_ASSAULT(4, 1, 'A', "Aggravated assault"),
	BURGLARY(5, 1, 'A', "Burglary"),
	LARCENY(6, 1, 'A', "Larceny-theft"),
	MOTOR_VEHICLE_THEFT(7, 1, 'A', "Motor vehicle theft"),
	ARSON(8, 1, 'A', "Arson"),
	OTHER_ASSAULT(9, 2, 'A', "Other assaults"),
	FORGERY(10, 2, 'A', "Forgery and counterfeiting"),
	FRAUD(11, 2, 'A', "Fraud"),
	EMBEZZLEMENT(12, 2, 'A', "Embezzlement"),
	STOLEN_PROPERTY(13, 2, 'A', "Stolen property"),
	VANDALISM(14, 2, 'A', "Vandalism"),
	WEAPONS(15, 2, 'A', "Weapon law violations"),
	PROSTITUTION(16, 2, 'A', "Prostitution and commercialized vice"),
	SEX_OFFENSE(17, 2, 'A', "Sex offenses"),
	DRUGS(18, 2, 'A', "Drug abuse violations"),
	GAMBLING(19, 2, 'A', "Gambling"),
	FAMILY(20, 2, 'B', "Offenses against the family and children"),
	DUI(21, 2, 'B', "Driving under the influence"),
	LIQUOR(22, 2, 'B', "Liquor laws"),
	DRUNKENNESS(23, 2, 'B', "Drunkenness"),
	DISORDERLY_CONDUCT(24, 2, 'B', "Disorderly conduct"),
	VAGRANCY(25, 2, 'B', "Vagrancy"),
	OTHER(26, 2, 'B', "All other offenses");

	private final int ucrClass;
	private final int ucrPart;
	private final char nibrsGroup;
	private final String label;

	OffenseCategory(int ucrClass, int ucrPart, char nibrsGroup, String label) {
		this.ucrClass = ucrClass;
		this.ucrPart = ucrPart;
		this.nibrsGroup = nibrsGroup;
		this.label = label;
	}

	public int ucrClass() {
		return ucrClass;
	}

	/** 1 for UCR Part I, 2 for Part II. */
	public int ucrPart() {
		return ucrPart;
	}

	/** 'A' or 'B'. Most Part II classes map to group A offenses in NIBRS; the rest are group B. */
	public char nibrsGroup() {
		return nibrsGroup;
	}

	public String label() {
		return label;
	}

	/** The category of a UCR class number 1..26. */
	public static OffenseCategory ofUcrClass(int ucrClass) {
		for (OffenseCategory c : values()) {
			if (c.ucrClass == ucrClass) {
				return c;
			}
		}
		throw new IllegalArgumentException("UCR class must be 1..26, was " + ucrClass);
	}
}
