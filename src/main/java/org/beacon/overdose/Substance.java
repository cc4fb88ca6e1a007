package org.beacon.overdose;

import java.util.Locale;
import java.util.Optional;

/**
 * Suspected substances, as codes that the import profiles map their columns to and the entry form offers.
 * A drug a source names that is not here is {@link #OTHER}; the free text is not kept.
 */
public enum Substance {
	FENTANYL("fentanyl", "Fentanyl"),
	FENTANYL_ANALOGUE("fentanyl-analogue", "Fentanyl analogue or other synthetic opioid"),
	CARFENTANIL("carfentanil", "Carfentanil"),
	HEROIN("heroin", "Heroin"),
	PRESCRIPTION_OPIOID("prescription-opioid", "Prescription opioid"),
	OXYCODONE("oxycodone", "Oxycodone"),
	OXYMORPHONE("oxymorphone", "Oxymorphone"),
	HYDROCODONE("hydrocodone", "Hydrocodone"),
	HYDROMORPHONE("hydromorphone", "Hydromorphone"),
	MORPHINE("morphine", "Morphine (not heroin)"),
	TRAMADOL("tramadol", "Tramadol"),
	OPIATE_NOS("opiate-nos", "Opiate, not specified"),
	METHADONE("methadone", "Methadone"),
	BUPRENORPHINE("buprenorphine", "Buprenorphine"),
	XYLAZINE("xylazine", "Xylazine"),
	COCAINE("cocaine", "Cocaine or crack"),
	METHAMPHETAMINE("methamphetamine", "Methamphetamine"),
	AMPHETAMINE("amphetamine", "Amphetamine"),
	PRESCRIPTION_STIMULANT("prescription-stimulant", "Prescription stimulant"),
	SYNTHETIC_CATHINONE("synthetic-cathinone", "Bath salts (synthetic cathinones)"),
	BENZODIAZEPINE("benzodiazepine", "Benzodiazepine"),
	BARBITURATE("barbiturate", "Barbiturate"),
	OTHER_PRESCRIPTION("other-prescription", "Other prescription drug"),
	ALCOHOL("alcohol", "Alcohol"),
	CANNABIS("cannabis", "Cannabis"),
	SYNTHETIC_CANNABINOID("synthetic-cannabinoid", "Synthetic cannabinoid"),
	OTHER("other", "Other"),
	UNKNOWN("unknown", "Unknown");

	private final String code;
	private final String label;

	Substance(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The substance with this code or enum name, in any case. */
	public static Optional<Substance> fromCode(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (Substance s : values()) {
			if (s.code.equals(wanted)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** The label for a stored code; the code itself if it is not one of ours. */
	public static String labelOf(String code) {
		return fromCode(code).map(Substance::label).orElse(code);
	}
}
