package io.subwatch.web;

/**
 * A subscription, task or instance that does not exist or that the caller may not see: both answer with the same
 * friendly 404 page, so the page does not reveal which.
 */
class PageNotFoundException extends RuntimeException {

	PageNotFoundException(String what) {
		super(what);
	}

}
