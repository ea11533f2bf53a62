package io.subwatch.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.subwatch.result.ResultRow;
import io.subwatch.security.Access;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.StepPlan;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An instance: its steps and sub-steps as a timeline, the opened sub-step with its log (each line linkable as
 * {@code #L12}), its earlier attempts, and the log as a download.
 */
@Controller
class InstanceController {

	private final InstancePages pages;

	InstanceController(InstancePages pages) {
		this.pages = pages;
	}

	@GetMapping("/subscriptions/{id}/instances/{instanceId}")
	String page(@PathVariable long id, @PathVariable String instanceId, @RequestParam(required = false) Long task,
			@RequestParam(required = false) Integer step, @RequestParam(required = false) Integer sub,
			Access access, Model model) {
		model.addAttribute("page", this.pages.load(id, instanceId, task, step, sub, access, null));
		return "instance/detail";
	}

	@GetMapping("/subscriptions/{id}/instances/{instanceId}/timeline")
	ModelAndView timeline(@PathVariable long id, @PathVariable String instanceId,
			@RequestParam(required = false) Long task, @RequestParam(required = false) Integer step,
			@RequestParam(required = false) Integer sub, @RequestParam(name = "v", required = false) String version,
			Access access, HttpServletResponse response) {
		InstancePage page = this.pages.load(id, instanceId, task, step, sub, access, version);
		if (page.unchanged()) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		ModelAndView view = new ModelAndView("instance/detail :: live");
		view.addObject("page", page);
		view.addObject("oob", true);
		return view;
	}

	/** The log of one sub-step, or of every sub-step under headings, as a text file. */
	@GetMapping("/subscriptions/{id}/instances/{instanceId}/log")
	ResponseEntity<StreamingResponseBody> log(@PathVariable long id, @PathVariable String instanceId,
			@RequestParam(required = false) Long task, @RequestParam(required = false) Integer step,
			@RequestParam(required = false) Integer sub, Access access) {
		ResultRow row = this.pages.row(id, instanceId, task, access);
		StepPlan plan = row.plan();
		Map<Integer, String> logs = (row.logs() != null) ? row.logs() : Map.of();
		boolean one = step != null && sub != null;
		if (one && (step < 0 || step >= plan.steps().size() || sub < 0
				|| sub >= plan.steps().get(step).subSteps().size())) {
			throw new PageNotFoundException("sub-step " + step + "/" + sub);
		}
		String name = "subwatch-" + id + "-" + row.record().id() + (one ? "-" + step + "-" + sub : "") + ".log";
		StreamingResponseBody body = (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			for (int s = 0; s < plan.steps().size(); s++) {
				for (int i = 0; i < plan.steps().get(s).subSteps().size(); i++) {
					if (one && (s != step || i != sub)) {
						continue;
					}
					if (!one) {
						writer.write("== " + plan.steps().get(s).nodeName() + " › "
								+ plan.steps().get(s).subSteps().get(i).nodeName() + " ==\n");
					}
					String text = logs.get(RecordProgress.key(s, i));
					if (text != null && !text.isEmpty()) {
						writer.write(text);
						writer.write('\n');
					}
				}
			}
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
