package io.subwatch.web;

import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@IntegrationTest
class LanguageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void acceptLanguagePicksTheLanguageUntilTheSwitchIsUsed() throws Exception {
		Pages pages = new Pages(this.mvc);
		Pages.Page chinese = Pages.page(pages.perform(get("/").header("Accept-Language", "zh-TW,zh;q=0.9"),
				TestUsers.admin()));
		assertThat(chinese.text("h1")).isEqualTo("订阅");
		assertThat(chinese.attr("html", "lang")).isEqualTo("zh-CN");
		Pages.Page english = Pages.page(pages.perform(get("/").header("Accept-Language", "fr-FR"), TestUsers.admin()));
		assertThat(english.text("h1")).isEqualTo("Subscriptions");
		assertThat(english.attr(".languages a[lang=zh-CN]", "href")).isEqualTo("/language?lang=zh-CN&back=%2F");
	}

	@Test
	void theSwitchPersistsInACookieAndReturnsToThePage() throws Exception {
		Pages pages = new Pages(this.mvc);
		MvcResult switched = pages.perform(get(java.net.URI.create("/language?lang=zh-CN&back=/%3Fbiz%3D2")),
				TestUsers.admin());
		assertThat(switched.getResponse().getStatus()).isEqualTo(302);
		assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo("/?biz=2");
		Cookie cookie = switched.getResponse().getCookie(LocaleConfig.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getMaxAge()).isGreaterThan(86400 * 300);
		Pages.Page page = Pages.page(pages.perform(get("/").cookie(cookie).header("Accept-Language", "en"),
				TestUsers.admin()));
		assertThat(page.text("h1")).isEqualTo("订阅");
		assertThat(page.attr(".languages a[lang=zh-CN]", "aria-current")).isEqualTo("true");
	}

	@Test
	void theSwitchNeverRedirectsElsewhere() throws Exception {
		MvcResult result = new Pages(this.mvc).perform(get(java.net.URI.create("/language?lang=en&back=//evil.example/x")),
				TestUsers.admin());
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

}
