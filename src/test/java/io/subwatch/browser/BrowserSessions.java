package io.subwatch.browser;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a browser test class its one {@link BrowserSession}: started on first use against the class's application
 * (its random port), closed after the class's last test.
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSessions browsers = new BrowserSessions("en-US");
 * </pre>
 */
final class BrowserSessions implements BeforeAllCallback, AfterAllCallback {

	private final String language;

	private final Consumer<BrowserSession> onStart;

	private ExtensionContext classContext;

	private BrowserSession session;

	BrowserSessions(String language) {
		this(language, (session) -> {
		});
	}

	/** @param onStart what to set up once the browser is started and signed in (an emulated time zone …) */
	BrowserSessions(String language, Consumer<BrowserSession> onStart) {
		this.language = language;
		this.onStart = onStart;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.classContext = context;
	}

	/** The class's session, signed in; the browser starts with the first call. */
	BrowserSession session() {
		if (this.session == null) {
			int port = SpringExtension.getApplicationContext(this.classContext)
				.getEnvironment()
				.getRequiredProperty("local.server.port", Integer.class);
			this.session = new BrowserSession(port, this.language);
			this.onStart.accept(this.session);
		}
		return this.session;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.session != null) {
			this.session.close();
			this.session = null;
		}
	}

}
