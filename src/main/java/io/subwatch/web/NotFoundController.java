package io.subwatch.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 404 page at an address of its own, for the security layer to forward to when a share-link visitor asks for a
 * page outside its link: the same page, status and language as for a subscription that does not exist.
 */
@Controller
class NotFoundController {

	@RequestMapping("/not-found")
	String notFound() {
		throw new PageNotFoundException("not visible");
	}

}
