package io.subwatch.web;

/** The caller may see the subscription but not act on it (a viewer, a share link). */
class PageForbiddenException extends RuntimeException {

	PageForbiddenException() {
		super("read-only access");
	}

}
