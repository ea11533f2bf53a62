package io.subwatch.web;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Readable error pages for the page controllers: never a stack trace, never a blank 500. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(0)
class PageErrors {

	@ExceptionHandler(PageNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		return "error/404";
	}

	@ExceptionHandler(PageForbiddenException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Model model) {
		model.addAttribute("status", 403);
		return "error/403";
	}

	@ExceptionHandler(BadPageRequestException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(BadPageRequestException ex, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("messageArgs", ex.args());
		return "error/400";
	}

	/** The database cannot be reached: a page that says so and to try again, with HTTP 503 (nothing was done). */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class, RecoverableDataAccessException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String databaseUnavailable(Model model) {
		model.addAttribute("status", 503);
		return "error/503";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			BindException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(Exception ex, Model model) {
		String name = "?";
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			name = mismatch.getName();
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			name = missing.getParameterName();
		}
		else if (ex instanceof BindException bind && bind.getFieldError() != null) {
			name = bind.getFieldError().getField();
		}
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", "error.badParameter");
		model.addAttribute("messageArgs", new Object[] { name });
		return "error/400";
	}

}
