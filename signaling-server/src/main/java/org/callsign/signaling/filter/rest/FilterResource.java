package org.callsign.signaling.filter.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.filter.service.EffectiveStatus;
import org.callsign.signaling.filter.service.FilterService;
import org.callsign.signaling.filter.service.Rule;
import org.callsign.signaling.filter.store.FilterSettings;
import org.callsign.signaling.filter.store.Schedule;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The authenticated client's call filter (docs/filtering.md): its status, its settings and schedule, and its allow and
 * block rules.
 */
@Path(FilterResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class FilterResource {

    /** Where the filter lives. */
    public static final String PATH = "/api/filter";

    /** The default and the largest page of rules. */
    public static final int DEFAULT_LIMIT = 100;

    public static final int MAX_LIMIT = 1000;

    /** A status, as set and as shown. */
    public record StatusView(String status, String source, Instant until) {
        static StatusView of(EffectiveStatus status) {
            return new StatusView(status.status().value(), status.source(), status.until());
        }
    }

    /** The settings besides status and rules. */
    public record SettingsView(
            Boolean allowUnverified, Boolean pushShowsCaller, Integer callsPerCallerPerHour, Schedule schedule) {
        static SettingsView of(FilterSettings s) {
            return new SettingsView(s.allowUnverified(), s.pushShowsCaller(), s.callsPerCallerPerHour(), s.schedule());
        }
    }

    /** One rule. */
    public record RuleView(String action, String pattern, String kind) {}

    /** Rules to add. */
    public record RulesRequest(List<RuleView> rules) {}

    /** A page of rules, ordered by pattern; {@code next} is the {@code after} of the next page. */
    public record RulePage(List<RuleView> rules, int total, String next) {}

    private final FilterService filters;
    private final CurrentClient current;

    FilterResource(FilterService filters, CurrentClient current) {
        this.filters = filters;
        this.current = current;
    }

    @GET
    @Path("status")
    @Operation(summary = "The status now: available, busy, do-not-disturb or away, and whether set or scheduled")
    public StatusView status() {
        return StatusView.of(filters.status(current.require().clientId()));
    }

    @PUT
    @Path("status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the status, until a time (then the schedule or available) or as the base status")
    public StatusView setStatus(StatusView request) {
        StatusView body = RequestBodies.required(request);
        return StatusView.of(filters.setStatus(current.require().clientId(), body.status(), body.until()));
    }

    @GET
    @Path("settings")
    @Operation(summary = "Unverified callers, the caller in pushes, the per-caller limit, the schedule")
    public SettingsView settings() {
        return SettingsView.of(filters.settings(current.require().clientId()));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change settings; a field left out keeps its value, a null schedule removes it")
    public SettingsView saveSettings(SettingsView request) {
        SettingsView body = RequestBodies.required(request);
        return SettingsView.of(filters.changeSettings(
                current.require().clientId(),
                now -> new FilterSettings(
                        now.status(),
                        now.until(),
                        body.allowUnverified() == null ? now.allowUnverified() : body.allowUnverified(),
                        body.pushShowsCaller() == null ? now.pushShowsCaller() : body.pushShowsCaller(),
                        body.callsPerCallerPerHour() == null
                                ? now.callsPerCallerPerHour()
                                : body.callsPerCallerPerHour(),
                        body.schedule())));
    }

    @GET
    @Path("rules")
    @Operation(summary = "The rules, ordered by pattern; `after` is the `next` of the previous page")
    public RulePage rules(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(ApiError.INVALID_REQUEST, "limit must be from 1 to " + MAX_LIMIT);
        }
        List<Rule> all = filters.rules(current.require().clientId());
        List<RuleView> page = all.stream()
                .filter(rule -> after == null || rule.pattern().compareTo(after) > 0)
                .limit(size)
                .map(FilterResource::view)
                .toList();
        boolean more = !page.isEmpty()
                && !page.get(page.size() - 1)
                        .pattern()
                        .equals(all.get(all.size() - 1).pattern());
        return new RulePage(page, all.size(), more ? page.get(page.size() - 1).pattern() : null);
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add allow or block rules; a pattern already present takes the new action")
    public RulePage addRules(RulesRequest request) {
        RulesRequest body = RequestBodies.required(request);
        if (body.rules() == null || body.rules().isEmpty()) {
            throw new ApiException(ApiError.INVALID_REQUEST, "rules must hold at least one rule");
        }
        List<Rule> rules = new ArrayList<>();
        for (RuleView rule : body.rules()) {
            rules.add(parse(rule));
        }
        int total = filters.addRules(current.require().clientId(), rules);
        return new RulePage(rules.stream().map(FilterResource::view).toList(), total, null);
    }

    @DELETE
    @Path("rules")
    @Operation(summary = "Remove the rule of a pattern")
    public Response removeRule(@QueryParam("pattern") String pattern) {
        if (pattern == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "pattern is required");
        }
        if (!filters.removeRule(current.require().clientId(), pattern)) {
            throw new ApiException(ApiError.NOT_FOUND, "no rule of that pattern");
        }
        return Response.noContent().build();
    }

    private static Rule parse(RuleView rule) {
        if (rule == null || !("allow".equals(rule.action()) || "block".equals(rule.action()))) {
            throw new ApiException(ApiError.INVALID_REQUEST, "each rule's action is allow or block");
        }
        Rule.Action action = "allow".equals(rule.action()) ? Rule.Action.ALLOW : Rule.Action.BLOCK;
        try {
            return Rule.of(action, rule.pattern());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, e.getMessage());
        }
    }

    private static RuleView view(Rule rule) {
        return new RuleView(rule.action().value(), rule.pattern(), rule.kind().value());
    }
}
