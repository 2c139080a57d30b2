using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caicaini.Billing.Data.Migrations
{
    /// <summary>
    /// Reserve and settle as one database function each: the account row is locked, the decision made and
    /// the hold, ledger entries and balances written inside one statement, so the lock is held for
    /// microseconds instead of across client round trips (see docs/adr/0004-billing-hot-path-in-sql.md).
    /// The rules are the ones in Domain/ (subscription first, shortfall instead of a negative balance,
    /// replays answer the first result); the Billing tests run against these functions.
    /// </summary>
    public partial class CreditFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION billing.reserve_credits(
                    p_user uuid, p_max bigint, p_reference text, p_now timestamptz, p_hold uuid,
                    OUT r_outcome text, OUT r_hold uuid, OUT r_subscription bigint, OUT r_top_up bigint, OUT r_available bigint)
                LANGUAGE plpgsql AS $fn$
                DECLARE
                    a billing.credit_accounts%ROWTYPE;
                    h billing.holds%ROWTYPE;
                BEGIN
                    r_subscription := 0; r_top_up := 0; r_available := 0;
                    SELECT * INTO a FROM billing.credit_accounts WHERE user_id = p_user FOR UPDATE;
                    IF NOT FOUND THEN r_outcome := 'no-account'; RETURN; END IF;
                    -- Ending a period is the application's job (Rollover); it does that and calls again.
                    IF a.period_end <= p_now THEN r_outcome := 'rollover-due'; RETURN; END IF;
                    r_available := a.subscription_micros + a.top_up_micros;

                    SELECT * INTO h FROM billing.holds WHERE reference = p_reference;
                    IF FOUND THEN
                        IF h.user_id <> p_user THEN r_outcome := 'reference-taken'; RETURN; END IF;
                        r_outcome := 'reserved'; r_hold := h.id;
                        r_subscription := h.subscription_micros; r_top_up := h.top_up_micros;
                        RETURN;
                    END IF;
                    IF r_available < p_max THEN r_outcome := 'refused'; RETURN; END IF;

                    r_subscription := LEAST(a.subscription_micros, p_max);
                    r_top_up := p_max - r_subscription;
                    UPDATE billing.credit_accounts
                       SET subscription_micros = subscription_micros - r_subscription, top_up_micros = top_up_micros - r_top_up
                     WHERE user_id = p_user;
                    INSERT INTO billing.holds (id, user_id, reference, subscription_micros, top_up_micros, status, created_at,
                                               charged_subscription_micros, charged_top_up_micros, shortfall_micros)
                    VALUES (p_hold, p_user, p_reference, r_subscription, r_top_up, 'Open', p_now, 0, 0, 0);
                    IF r_subscription > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (p_user, 'Subscription', 'Hold', -r_subscription, p_reference, p_now, a.subscription_micros - r_subscription);
                    END IF;
                    IF r_top_up > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (p_user, 'TopUp', 'Hold', -r_top_up, p_reference, p_now, a.top_up_micros - r_top_up);
                    END IF;
                    r_outcome := 'reserved'; r_hold := p_hold; r_available := r_available - p_max;
                END
                $fn$;

                CREATE FUNCTION billing.settle_hold(
                    p_hold uuid, p_cost bigint, p_now timestamptz,
                    OUT r_outcome text, OUT r_subscription bigint, OUT r_top_up bigint, OUT r_shortfall bigint,
                    OUT r_subscription_after bigint, OUT r_top_up_after bigint)
                LANGUAGE plpgsql AS $fn$
                DECLARE
                    v_user uuid;
                    a billing.credit_accounts%ROWTYPE;
                    h billing.holds%ROWTYPE;
                    v_sub bigint;
                    v_top bigint;
                    v_leftover bigint;
                BEGIN
                    r_subscription := 0; r_top_up := 0; r_shortfall := 0; r_subscription_after := 0; r_top_up_after := 0;
                    SELECT user_id INTO v_user FROM billing.holds WHERE id = p_hold;
                    IF NOT FOUND THEN r_outcome := 'not-found'; RETURN; END IF;
                    -- The account lock first (as every credit movement does), then the hold's current state.
                    SELECT * INTO a FROM billing.credit_accounts WHERE user_id = v_user FOR UPDATE;
                    IF a.period_end <= p_now THEN r_outcome := 'rollover-due'; RETURN; END IF;
                    SELECT * INTO h FROM billing.holds WHERE id = p_hold;
                    r_subscription_after := a.subscription_micros; r_top_up_after := a.top_up_micros;
                    IF h.status = 'Settled' THEN
                        r_outcome := 'settled';
                        r_subscription := h.charged_subscription_micros; r_top_up := h.charged_top_up_micros; r_shortfall := h.shortfall_micros;
                        RETURN;
                    END IF;
                    IF h.status = 'Released' THEN r_outcome := 'released'; RETURN; END IF;

                    -- Give the hold back, then charge the real cost subscription-first: the ledger shows both moves.
                    v_sub := a.subscription_micros + h.subscription_micros;
                    v_top := a.top_up_micros + h.top_up_micros;
                    IF h.subscription_micros > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (v_user, 'Subscription', 'Release', h.subscription_micros, h.reference, p_now, v_sub);
                    END IF;
                    IF h.top_up_micros > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (v_user, 'TopUp', 'Release', h.top_up_micros, h.reference, p_now, v_top);
                    END IF;

                    r_subscription := LEAST(p_cost, v_sub);
                    r_top_up := LEAST(p_cost - r_subscription, v_top);
                    r_shortfall := p_cost - r_subscription - r_top_up;
                    v_sub := v_sub - r_subscription;
                    v_top := v_top - r_top_up;
                    IF r_subscription > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (v_user, 'Subscription', 'Charge', -r_subscription, h.reference, p_now, v_sub);
                    END IF;
                    IF r_top_up > 0 THEN
                        INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros)
                        VALUES (v_user, 'TopUp', 'Charge', -r_top_up, h.reference, p_now, v_top);
                    END IF;

                    -- A hold made before the period rolled over: what the reply did not use of it expires now.
                    IF h.created_at < a.period_start THEN
                        v_leftover := LEAST(h.subscription_micros - r_subscription, v_sub);
                        IF v_leftover > 0 THEN
                            v_sub := v_sub - v_leftover;
                            INSERT INTO billing.ledger_entries (user_id, bucket, kind, amount_micros, reference, occurred_at, balance_after_micros, note)
                            VALUES (v_user, 'Subscription', 'Expire', -v_leftover, h.reference, p_now, v_sub, 'Held credits of an ended period');
                        END IF;
                    END IF;

                    UPDATE billing.credit_accounts SET subscription_micros = v_sub, top_up_micros = v_top WHERE user_id = v_user;
                    UPDATE billing.holds
                       SET status = 'Settled', closed_at = p_now, charged_subscription_micros = r_subscription,
                           charged_top_up_micros = r_top_up, shortfall_micros = r_shortfall
                     WHERE id = p_hold;
                    r_outcome := 'settled'; r_subscription_after := v_sub; r_top_up_after := v_top;
                END
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION billing.settle_hold(uuid, bigint, timestamptz);
                DROP FUNCTION billing.reserve_credits(uuid, bigint, text, timestamptz, uuid);
                """);
        }
    }
}
