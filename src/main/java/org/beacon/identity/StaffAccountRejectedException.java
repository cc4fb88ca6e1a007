package org.beacon.identity;

/**
 * An account change broke a rule, e.g. a taken username, a too-short password, or removing the last
 * administrator. {@link #field()} names the input at fault so a form can show the message beside it.
 */
public class StaffAccountRejectedException extends RuntimeException {

	private final String field;

	public StaffAccountRejectedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
