package org.envmon.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.NotFoundException;
import org.envmon.model.Account;
import org.envmon.model.Medium;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User accounts for the console (admin; writes audited): what {@code envmon users} does on the command line. A
 * password is generated here and returned once; hashes never leave the store.
 */
@RestController
@Tag(name = "security")
public class UsersController {
    private final AccountService accounts;
    private final TokenAuthenticator tokens;

    public UsersController(AccountService accounts, TokenAuthenticator tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** @param sites a maintainer's or an enterprise's linked sites; @param media an analyst's granted media */
    public record UserView(String name, String role, String division, boolean enabled, OffsetDateTime createdAt,
                           List<String> sites, List<String> media) {
    }

    public record NewUser(
            @Schema(description = "account name") @NotBlank @Size(max = Account.MAX_NAME)
            @Pattern(regexp = "\\S(.*\\S)?") String name,
            @Schema(description = "admin | operator | maintainer | enterprise | analyst") @NotBlank @Size(max = 16)
            String role,
            @Schema(description = "national, province:NAME, city:NAME or county:NAME; omitted = national")
            @Size(max = 80) String division,
            @Schema(description = "sites of a maintainer or an enterprise") @Size(max = 10_000)
            List<@NotBlank @Size(max = 64) String> sites,
            @Schema(description = "media of an analyst (empty = every medium)") @Size(max = 32)
            List<@NotBlank @Size(max = 32) String> media) {
    }

    /** The account and its password, in this answer only. */
    public record UserPassword(UserView user, String password) {
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "The user accounts: name, role, division, enabled, linked sites and media (no passwords)")
    public List<UserView> list() {
        return accounts.users().stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create an account with a generated password, returned in this answer only")
    public ResponseEntity<UserPassword> create(@Valid @RequestBody NewUser body) {
        if (accounts.user(body.name()).isPresent()) {
            throw new IllegalArgumentException("an account named " + body.name() + " exists already");
        }
        Division d = body.division() == null || body.division().isBlank() ? Division.NATIONAL
                : Division.parse(body.division());
        List<Medium> media = body.media() == null ? List.of() : body.media().stream().map(Medium::fromCode).toList();
        if (!media.isEmpty() && !EndpointRules.ANALYST.equals(body.role())) {
            throw new IllegalArgumentException("media are granted to an analyst (a data-sharing partner)");
        }
        boolean linked = EndpointRules.MAINTAINER.equals(body.role()) || EndpointRules.ENTERPRISE.equals(body.role());
        if (body.sites() != null && !body.sites().isEmpty() && !linked) {
            throw new IllegalArgumentException("sites are linked to a maintainer or an enterprise");
        }
        String password = AccountService.generatedPassword();
        accounts.addUser(body.name(), password, body.role(), d);
        if (body.sites() != null && !body.sites().isEmpty()) {
            accounts.setSites(body.name(), body.sites());
        }
        if (!media.isEmpty()) {
            accounts.setMedia(body.name(), media);
        }
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new UserPassword(view(require(body.name())), password));
    }

    @PostMapping("/api/v1/users/{name}/disable")
    @Operation(summary = "Disable an account: no login, and its tokens stop working (within the token cache TTL)")
    public UserView disable(@PathVariable String name, @AuthenticationPrincipal EnvmonUser user) {
        if (user != null && user.name().equals(name)) {
            // The last admin locking itself out would leave only the command line (with the platform stopped).
            throw new IllegalArgumentException("an admin cannot disable its own account");
        }
        return setEnabled(name, false);
    }

    @PostMapping("/api/v1/users/{name}/enable")
    @Operation(summary = "Enable a disabled account again")
    public UserView enable(@PathVariable String name) {
        return setEnabled(name, true);
    }

    @PostMapping("/api/v1/users/{name}/reset-password")
    @Operation(summary = "Give the account a new generated password, returned in this answer only")
    public ResponseEntity<UserPassword> resetPassword(@PathVariable String name) {
        Account a = require(name);
        String password = AccountService.generatedPassword();
        accounts.resetPassword(name, password);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new UserPassword(view(a), password));
    }

    /** An unknown role, division or medium, a short password rule, an existing name: the caller's to correct. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Bad request");
        p.setType(URI.create("https://envmon.org/problems/bad-request"));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private UserView setEnabled(String name, boolean enabled) {
        if (!accounts.setEnabled(name, enabled)) {
            throw new NotFoundException("no account named " + name);
        }
        tokens.invalidateAll();
        return view(require(name));
    }

    private Account require(String name) {
        return accounts.user(name).orElseThrow(() -> new NotFoundException("no account named " + name));
    }

    private UserView view(Account a) {
        return new UserView(a.name(), a.role(), Division.of(a).toString(), a.enabled(), ApiTime.out(a.createdAt()),
                accounts.sites(a.name()), accounts.media(a.name()).stream().map(Medium::code).toList());
    }
}
