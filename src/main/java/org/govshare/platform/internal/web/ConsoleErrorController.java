package org.govshare.platform.internal.web;

import org.govshare.platform.ConsolePage;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.RequestIds;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that escape the controllers: a plain page in the user's language for the console, a
 * problem+json for the API. Never a stack trace.
 */
@ConsolePage
class ConsoleErrorController implements ErrorController {

    private final Problems problems;

    ConsoleErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            String problemCode = switch (status.value()) {
                case 404 -> "not-found";
                case 403 -> "forbidden";
                case 401 -> "unauthenticated";
                case 400 -> "malformed-request";
                default -> status.is4xxClientError() ? "client-error" : "internal-error";
            };
            ProblemDetail problem = problems.of(request, status, problemCode, null, "problem." + problemCode, "", uri);
            problem.setProperty("requestId", response.getHeader(RequestIds.HEADER));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("requestId", response.getHeader(RequestIds.HEADER));
        return page;
    }
}
