package io.subwatch.security;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it refuses itself before any filter runs (an encoded '/', a '\' or a NUL in the
 * path): the security headers and our own small body instead of Tomcat's page without them. Errors of requests that
 * reach the application are answered by it; this valve writes only where nothing was written.
 */
class HeaderedErrorReportValve extends ErrorReportValve {

	private final RefusedRequests refused;

	HeaderedErrorReportValve(RefusedRequests refused) {
		this.refused = refused;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		RefusedRequests.Body body = this.refused.body(request.getRequestURI(), status);
		this.refused.writeHeaders(response, request.isSecure());
		try {
			response.setContentType(body.contentType());
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body.text());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed meanwhile: nothing more to tell it
		}
	}

}
