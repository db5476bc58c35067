package dev.connecttasks.memory;

import dev.connecttasks.operation.port.IdempotencyRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** ClientToken claims per scope (an instance, or "-" for CreateInstance), each live for its lifetime. */
final class TokenClaims {
    private record Claim(IdempotencyRecord record, Instant expiresAt) {
    }

    private final Map<String, Claim> claims = new HashMap<>();

    /** The live earlier claim on this token, if any; none for a request without a token. */
    Optional<IdempotencyRecord> held(String scope, IdempotencyRecord token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        Claim claim = claims.get(scope + "/" + token.clientToken());
        return claim == null || !claim.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(claim.record());
    }

    void claim(String scope, IdempotencyRecord token, Instant now) {
        if (token != null) {
            claims.put(scope + "/" + token.clientToken(), new Claim(token, now.plus(IdempotencyRecord.LIFETIME)));
        }
    }
}
