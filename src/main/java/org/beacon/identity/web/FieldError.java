package org.beacon.identity.web;

import org.beacon.identity.StaffAccountRejectedException;

/** A rejected input for a form to show beside the field it names. */
record FieldError(String field, String message) {

	static FieldError of(StaffAccountRejectedException rejected) {
		return new FieldError(rejected.field(), rejected.getMessage());
	}

	/** Whether this error belongs to the field; templates call it to mark the input invalid. */
	public boolean on(String name) {
		return field.equals(name);
	}
}
