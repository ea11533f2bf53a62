package io.subwatch.admin;

import io.subwatch.security.Access;
import io.subwatch.security.ApiApplication;
import io.subwatch.security.Notice;
import io.subwatch.security.PageTime;
import io.subwatch.security.RejectedInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages for API applications: the list with a form for a new one, and one application's grants, state
 * and secret. A secret is shown once, on the page right after it was made.
 */
@Controller
class AdminApplicationsController {

	private final ApplicationAdministration applications;

	private final PageTime.Format times;

	AdminApplicationsController(ApplicationAdministration applications, PageTime.Format times) {
		this.applications = applications;
		this.times = times;
	}

	@GetMapping("/admin/applications")
	String list(Model model) {
		model.addAttribute("applications", this.applications.list());
		model.addAttribute("listLimit", ApplicationAdministration.LIST_LIMIT);
		return "admin/applications";
	}

	@PostMapping("/admin/applications")
	String create(@RequestParam(required = false) String appCode,
			@RequestParam(required = false) String description,
			@RequestParam(defaultValue = "false") boolean readAll,
			@RequestParam(defaultValue = "false") boolean writeAll, @RequestParam(required = false) String read,
			@RequestParam(required = false) String write, Access access, RedirectAttributes redirect) {
		try {
			ApplicationAdministration.Issued issued = this.applications.create(appCode, description,
					ApplicationAdministration.grants(readAll, writeAll, read, write), access);
			redirect.addFlashAttribute("secret", issued.secret());
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.app.created", appCode));
			return "redirect:/admin/applications/" + issued.applicationId();
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
			return "redirect:/admin/applications";
		}
	}

	@GetMapping("/admin/applications/{id}")
	String application(@PathVariable long id, Model model) {
		ApiApplication application = this.applications.get(id);
		model.addAttribute("app", application);
		model.addAttribute("created", this.times.of(application.createdAt()));
		return "admin/application";
	}

	@PostMapping("/admin/applications/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "false") boolean readAll,
			@RequestParam(defaultValue = "false") boolean writeAll, @RequestParam(required = false) String read,
			@RequestParam(required = false) String write, @RequestParam(defaultValue = "false") boolean enabled,
			Access access, RedirectAttributes redirect) {
		try {
			this.applications.update(id, description, ApplicationAdministration.grants(readAll, writeAll, read, write),
					enabled, access);
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.app.updated"));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/admin/applications/{id}";
	}

	@PostMapping("/admin/applications/{id}/secret")
	String rotate(@PathVariable long id, Access access, RedirectAttributes redirect) {
		ApplicationAdministration.Issued issued = this.applications.rotateSecret(id, access);
		redirect.addFlashAttribute("secret", issued.secret());
		redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.app.secret-rotated"));
		return "redirect:/admin/applications/{id}";
	}

}
