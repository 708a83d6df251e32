/**
 * The audit trail of broker actions (register, edit, refresh, publish, approve, reject,
 * revoke, delete, deactivate): who, when, what, from which address.
 */
@NullMarked
package dev.bazaar.audit;

import org.jspecify.annotations.NullMarked;
