package org.govshare.platform.internal.web;

import org.govshare.platform.ConsolePage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.internal.security.ProblemAccessHandlers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals that a console page does not handle itself (another department's object, a missing
 * one) become the error page; denials are reported to the audit log.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleProblemAdvice {

    private final ProblemAccessHandlers access;

    ConsoleProblemAdvice(ProblemAccessHandlers access) {
        this.access = access;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            access.reportDenied(request, e.code());
        }
        HttpStatus status = e.status().is4xxClientError() ? e.status() : HttpStatus.INTERNAL_SERVER_ERROR;
        return page(status, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        access.reportDenied(request, e.getMessage());
        return page(HttpStatus.FORBIDDEN, response);
    }

    private static ModelAndView page(HttpStatus status, HttpServletResponse response) {
        ModelAndView mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("requestId", RequestIds.current() != null ? RequestIds.current() : response.getHeader(RequestIds.HEADER));
        return mav;
    }
}
