package io.subwatch.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.subwatch.result.NodeRetry;
import io.subwatch.result.ResultRow;
import io.subwatch.security.Access;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.StepPlan;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An instance: its steps and sub-steps as a timeline, the opened sub-step with its log (each line linkable as
 * {@code #L12}), its earlier attempts, the log as a download, and "Retry from this sub-step" (a confirmation, then a
 * POST that acts once, as {@link ActionController}'s actions do).
 */
@Controller
class InstanceController {

	private final InstancePages pages;

	private final PageAccess pageAccess;

	private final NodeRetry nodeRetry;

	private final ActionTokenDao tokens;

	InstanceController(InstancePages pages, PageAccess pageAccess, NodeRetry nodeRetry, ActionTokenDao tokens) {
		this.pages = pages;
		this.pageAccess = pageAccess;
		this.nodeRetry = nodeRetry;
		this.tokens = tokens;
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

	@GetMapping("/subscriptions/{id}/instances/{instanceId}/retry-node")
	String retryNodeConfirm(@PathVariable long id, @PathVariable String instanceId, Access access, Model model) {
		var subscription = this.pageAccess.writable(id, access);
		ResultRow row = this.pages.row(id, instanceId, null, access);
		NodeRetry.FailedSubStep point = this.nodeRetry.findRetryPoint(id, instanceId, access).orElse(null);
		int kept = 0;
		String stepName = null;
		if (point != null) {
			for (int s = 0; s < point.stepIndex(); s++) {
				kept += row.plan().steps().get(s).subSteps().size();
			}
			kept += point.subIndex();
			stepName = row.plan().steps().get(point.stepIndex()).nodeName();
		}
		Href back = Href.instance(id, instanceId);
		model.addAttribute("preview", new RetryNodePreview(subscription, row.record(), point,
				stepName, kept, UUID.randomUUID().toString(), back + "/retry-node", back.toString()));
		return "instance/retry-node";
	}

	@PostMapping("/subscriptions/{id}/instances/{instanceId}/retry-node")
	String retryNode(@PathVariable long id, @PathVariable String instanceId,
			@RequestParam(required = false) String token, Access access, HttpSession session,
			RedirectAttributes redirect) {
		this.pageAccess.writable(id, access);
		Href back = Href.instance(id, instanceId);
		ActionTokens.Outcome earlier = ActionTokens.claim(session, token, this.tokens);
		if (earlier != null) {
			redirect.addFlashAttribute("flash", (earlier.redirect() != null)
					? earlier.flash().withDetail("action.alreadyDone") : Flash.warn("action.inProgress"));
			return "redirect:" + ((earlier.redirect() != null) ? earlier.redirect() : back.toString());
		}
		String to = back.toString();
		Flash flash;
		try {
			Map<String, Object> retried = this.nodeRetry.retry(id, instanceId, access);
			if (retried.get("mirrored_from") != null) {
				flash = Flash.ok("action.retriedNodeAtSource", retried.get("mirrored_from"),
						retried.get("retry_node_name"),
						(retried.get("source_task_id") != null) ? String.valueOf(retried.get("source_task_id")) : "?");
				ActionTokens.complete(session, token, to, flash);
				redirect.addFlashAttribute("flash", flash);
				return "redirect:" + to;
			}
			to = Href.instance(id, instanceId).param("task", retried.get("task_id")).toString();
			flash = Flash.ok("action.retriedNode", retried.get("retry_node_name"), retried.get("task_id"));
		}
		catch (ApiException ex) {
			flash = (ex.errorCode() == ErrorCode.RECORD_NOT_EXIST) ? Flash.warn("action.nothingToRetryNode")
					: Flash.error("action.refused", ex.getMessage());
		}
		ActionTokens.complete(session, token, to, flash);
		redirect.addFlashAttribute("flash", flash);
		return "redirect:" + to;
	}

}
