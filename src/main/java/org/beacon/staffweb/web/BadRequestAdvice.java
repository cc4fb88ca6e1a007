package org.beacon.staffweb.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A bad filter parameter on a staff page is a 400 with a problem+json body naming the field and the rule. */
@RestControllerAdvice(assignableTypes = { HomeController.class, IncidentDataController.class, ImportController.class })
class BadRequestAdvice {

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "a valid value" : switch (e.getRequiredType().getSimpleName()) {
			case "LocalDate" -> "a date as yyyy-MM-dd";
			case "int", "Integer", "long", "Long" -> "a whole number";
			default -> "a valid " + e.getRequiredType().getSimpleName();
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				e.getName() + " must be " + expected + ", was '" + e.getValue() + "'");
		problem.setProperty("field", e.getName());
		return problem;
	}
}
