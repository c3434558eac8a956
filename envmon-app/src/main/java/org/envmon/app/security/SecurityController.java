package org.envmon.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.NotFoundException;
import org.envmon.model.ApiToken;
import org.envmon.model.AuditRecord;
import org.envmon.model.Medium;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, API tokens (admin) and the audit trail (admin). Passwords and token secrets are never returned. */
@RestController
@Tag(name = "security", description = "The caller, API tokens and the audit trail")
public class SecurityController {
    static final int MAX_AUDIT = 10_000;
    /** Longest token validity accepted, in days. */
    static final int MAX_VALIDITY_DAYS = 3650;

    private final AccountService accounts;
    private final TokenAuthenticator tokens;
    private final AuditService audit;
    private final EnvmonSecurityProperties props;

    public SecurityController(AccountService accounts, TokenAuthenticator tokens, AuditService audit,
                              EnvmonSecurityProperties props) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.props = props;
    }

    /** @param media an analyst's granted media (empty = every medium) */
    public record Me(String name, String role, String division, List<String> media, String token, String csrfHeader,
                     String csrfToken) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The authenticated caller: name, role, division; for a session also the CSRF header and "
            + "token its writes must send")
    public Me me(@AuthenticationPrincipal EnvmonUser user, HttpServletRequest request) {
        Object attr = request.getAttribute(CsrfToken.class.getName());
        CsrfToken csrf = user.tokenName() == null && attr instanceof CsrfToken t ? t : null;
        return new Me(user.name(), user.role(), user.division().toString(),
                user.media().stream().map(Medium::code).sorted().toList(), user.tokenName(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }

    public record TokenView(long id, String name, String owner, String role, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, boolean revoked) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.owner(), t.role(), ApiTime.out(t.createdAt()),
                    ApiTime.out(t.expiresAt()), ApiTime.out(t.lastUsedAt()), t.revoked());
        }
    }

    /** The new token with its secret: the only time the secret is shown. */
    public record CreatedToken(TokenView token, String secret) {
    }

    public record TokenRequest(
            @Schema(description = "what the token is for") @NotBlank @Size(max = ApiToken.MAX_NAME) String name,
            @Schema(description = "the account the token acts for") @NotBlank @Size(max = 64) String owner,
            @Schema(description = "admin | operator | maintainer | enterprise | analyst; omitted = the owner's role") @Size(max = 16)
            String role,
            @Schema(description = "days until it expires; omitted = envmon.security.token-validity, 0 = never")
            Integer validityDays) {
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "API tokens (without their secrets), of one owner or all")
    public List<TokenView> tokens(@RequestParam(required = false) String owner) {
        return accounts.tokens(owner == null || owner.isBlank() ? null : owner).stream().map(TokenView::of)
                .toList();
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token; its secret is in this answer only")
    public CreatedToken create(@Valid @RequestBody TokenRequest body) {
        Integer days = body.validityDays();
        if (days != null && (days < 0 || days > MAX_VALIDITY_DAYS)) {
            throw new IllegalArgumentException("validityDays must be 0 to " + MAX_VALIDITY_DAYS);
        }
        Duration validity = days == null ? props.tokenValidity() : days == 0 ? null : Duration.ofDays(days);
        AccountService.NewToken t = accounts.createToken(body.owner(), body.name(),
                body.role() == null || body.role().isBlank() ? null : body.role(), validity);
        return new CreatedToken(TokenView.of(t.token()), t.secret());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token (it stops working within envmon.security.token-cache-ttl)")
    public void revoke(@PathVariable long id) {
        if (!accounts.revokeToken(id)) {
            throw new NotFoundException("no active token with id " + id);
        }
        tokens.invalidateAll();
    }

    public record AuditView(long id, OffsetDateTime at, String user, String action, String target, String origin,
                            String outcome) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.id(), ApiTime.out(r.at()), r.actor(), r.action(), r.target(), r.origin(),
                    r.outcome());
        }
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit records (writes, logins) in [from, to), of one user or all, oldest first")
    public List<AuditView> audit(
            @Parameter(description = ApiRanges.FROM_TIME + " (default: unbounded)") @RequestParam(required = false)
            String from,
            @Parameter(description = ApiRanges.TO_TIME + " (default: unbounded)") @RequestParam(required = false)
            String to,
            @Parameter(description = "one account's records only") @RequestParam(required = false) String user,
            @Parameter(description = "at most this many, the oldest first (1 to " + MAX_AUDIT + ")")
            @RequestParam(defaultValue = "1000") @Min(1) @Max(MAX_AUDIT) int limit) {
        return audit.list(ApiTime.in("from", from), ApiTime.in("to", to), user == null || user.isBlank() ? null
                : user, limit).stream().map(AuditView::of).toList();
    }

    public record SitesBody(@Schema(description = "site codes") @NotNull @Size(max = 10_000) List<@NotBlank
            @Size(max = 64) String> sites) {
    }

    @GetMapping("/api/v1/accounts/{name}/sites")
    @Operation(summary = "The sites linked to an account (a maintainer's stations, an enterprise's sources)")
    public SitesBody sites(@PathVariable String name) {
        return new SitesBody(accounts.sites(name));
    }

    @PutMapping("/api/v1/accounts/{name}/sites")
    @Operation(summary = "Link sites to a maintainer or an enterprise (replaces the list); takes effect within "
            + "envmon.security.token-cache-ttl for its tokens")
    public SitesBody setSites(@PathVariable String name, @Valid @RequestBody SitesBody body) {
        accounts.setSites(name, body.sites());
        tokens.invalidateAll();
        return new SitesBody(accounts.sites(name));
    }

    public record MediaBody(@Schema(description = "medium codes (air, surface_water, ...); empty = every medium")
            @NotNull @Size(max = 32) List<@NotBlank @Size(max = 32) String> media) {
    }

    @GetMapping("/api/v1/accounts/{name}/media")
    @Operation(summary = "The media an analyst's grant covers within its division (empty = every medium)")
    public MediaBody media(@PathVariable String name) {
        return new MediaBody(accounts.media(name).stream().map(Medium::code).toList());
    }

    @PutMapping("/api/v1/accounts/{name}/media")
    @Operation(summary = "Grant media to an analyst (replaces the list; empty = every medium); takes effect within "
            + "envmon.security.token-cache-ttl for its tokens")
    public MediaBody setMedia(@PathVariable String name, @Valid @RequestBody MediaBody body) {
        accounts.setMedia(name, body.media().stream().map(Medium::fromCode).toList());
        tokens.invalidateAll();
        return media(name);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Bad request");
        p.setType(URI.create("https://envmon.org/problems/bad-request"));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
