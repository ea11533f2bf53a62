package io.subwatch.web;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostSearchTest {

	@Test
	void splitsPastedListsOnEverySeparatorOperatorsUse() {
		HostSearch search = HostSearch.parse(" 10.0.0.1,10.0.0.2; 10.0.0.3\n10.0.0.4\t10.0.0.5、10.0.0.6，10.0.0.7；10.0.0.1 ");
		assertThat(search.ips()).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5",
				"10.0.0.6", "10.0.0.7");
		assertThat(search.exact()).isTrue();
		assertThat(search.prefix()).isNull();
	}

	@Test
	void classifiesInstanceIdsCloudIpsIpv6AndHostNames() {
		HostSearch search = HostSearch.parse("host|instance|host|7 0:10.1.1.1 fe80::1 node-a node-b");
		assertThat(search.instanceIds()).containsExactly("host|instance|host|7");
		assertThat(search.ips()).containsExactly("10.1.1.1");
		assertThat(search.ipv6()).containsExactly("fe80::1");
		assertThat(search.hostNames()).containsExactly("node-a", "node-b");
		assertThat(HostSearch.cloudIp("0:10.1.1.1")).isEqualTo("10.1.1.1");
		assertThat(HostSearch.cloudIp("10.1.1.1")).isNull();
	}

	@Test
	void aSinglePartialTermIsAPrefixOfAnIpOrAHostName() {
		HostSearch ip = HostSearch.parse("10.2.0");
		assertThat(ip.prefix()).isEqualTo("10.2.0");
		assertThat(ip.prefixIsIp()).isTrue();
		HostSearch name = HostSearch.parse("biz2-node_0%");
		assertThat(name.prefixIsIp()).isFalse();
		assertThat(name.likePattern()).isEqualTo("biz2-node!_0!%%");
		assertThat(HostSearch.parse("10.2.0.1").prefix()).isNull();
	}

	@Test
	void emptyTextIsNoSearch() {
		assertThat(HostSearch.parse(null).isEmpty()).isTrue();
		assertThat(HostSearch.parse(" ,; \n").isEmpty()).isTrue();
	}

	@Test
	void refusesMoreTermsThanItCanCarry() {
		String many = String.join(",", Collections.nCopies(1, "x")) + ","
				+ String.join(",", java.util.stream.IntStream.range(0, HostSearch.MAX_TOKENS + 1)
					.mapToObj((i) -> "h" + i)
					.toList());
		assertThatThrownBy(() -> HostSearch.parse(many)).isInstanceOf(BadPageRequestException.class);
	}

}
