package io.subwatch.admin;

import jakarta.servlet.http.HttpServletRequest;

import io.subwatch.security.Access;
import io.subwatch.security.Notice;
import io.subwatch.security.PageTime;
import io.subwatch.security.PasswordChanges;
import io.subwatch.security.RejectedInput;
import io.subwatch.security.Role;
import io.subwatch.security.UserAccount;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages for users: the list with a form for a new user, and one user's role, grants and password (set with
 * the admin's own password as confirmation).
 */
@Controller
class AdminUsersController {

	private final UserAdministration users;

	private final PasswordChanges passwords;

	private final PageTime.Format times;

	AdminUsersController(UserAdministration users, PasswordChanges passwords, PageTime.Format times) {
		this.users = users;
		this.passwords = passwords;
		this.times = times;
	}

	@GetMapping("/admin")
	String index() {
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("listLimit", UserAdministration.LIST_LIMIT);
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(required = false) String role, @RequestParam(defaultValue = "false") boolean allBusinesses,
			@RequestParam(required = false) String businesses, Access access, RedirectAttributes redirect) {
		try {
			long id = this.users.create(username, password, role, allBusinesses, businesses, access);
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.user.created", username));
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
			return "redirect:/admin/users";
		}
	}

	@GetMapping("/admin/users/{id}")
	String user(@PathVariable long id, Model model) {
		UserAccount user = this.users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("created", this.times.of(user.createdAt()));
		model.addAttribute("roles", Role.values());
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String role,
			@RequestParam(defaultValue = "false") boolean allBusinesses,
			@RequestParam(required = false) String businesses, @RequestParam(defaultValue = "false") boolean enabled,
			Access access, RedirectAttributes redirect) {
		try {
			this.users.update(id, role, allBusinesses, businesses, enabled, access);
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.user.updated"));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/admin/users/{id}";
	}

	@PostMapping("/admin/users/{id}/password")
	String password(@PathVariable long id, @RequestParam(required = false) String password,
			@RequestParam(required = false) String adminPassword, Access access, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			this.passwords.set(id, password, access, adminPassword, request.getRemoteAddr());
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("admin.user.password-set"));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/admin/users/{id}";
	}

}
