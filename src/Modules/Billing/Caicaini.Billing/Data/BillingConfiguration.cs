using Caicaini.Billing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caicaini.Billing.Data;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.ToTable("plans", t => t.HasCheckConstraint("ck_plans_non_negative", "monthly_price_usd_cents >= 0 AND monthly_credits_micros >= 0"));
        plan.Property(p => p.Id).HasMaxLength(20);
        plan.Property(p => p.Name).HasMaxLength(40);
    }
}

internal sealed class CreditAccountConfiguration : IEntityTypeConfiguration<CreditAccount>
{
    public void Configure(EntityTypeBuilder<CreditAccount> account)
    {
        // The database refuses a negative bucket whatever the code does.
        account.ToTable("credit_accounts", t =>
        {
            t.HasCheckConstraint("ck_credit_accounts_subscription_non_negative", "subscription_micros >= 0");
            t.HasCheckConstraint("ck_credit_accounts_top_up_non_negative", "top_up_micros >= 0");
        });
        account.HasKey(a => a.UserId);
        account.Property(a => a.PlanId).HasMaxLength(20);
        account.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        account.HasIndex(a => a.PeriodEnd); // the rollover sweep looks for periods that ended
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("ledger_entries");
        entry.Property(e => e.Bucket).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Reference).HasMaxLength(200);
        entry.Property(e => e.Note).HasMaxLength(500);
        entry.HasIndex(e => new { e.Kind, e.Bucket, e.Reference }).IsUnique();
        entry.HasIndex(e => new { e.UserId, e.Id });
        entry.HasOne<CreditAccount>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditHoldConfiguration : IEntityTypeConfiguration<CreditHold>
{
    public void Configure(EntityTypeBuilder<CreditHold> hold)
    {
        hold.ToTable("holds", t => t.HasCheckConstraint("ck_holds_non_negative",
            "subscription_micros >= 0 AND top_up_micros >= 0 AND charged_subscription_micros >= 0 AND charged_top_up_micros >= 0 AND shortfall_micros >= 0"));
        hold.Property(h => h.Reference).HasMaxLength(200);
        hold.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        hold.HasIndex(h => h.Reference).IsUnique();
        hold.HasIndex(h => h.CreatedAt).HasFilter("status = 'Open'"); // the sweeper looks for old open holds
        hold.HasOne<CreditAccount>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentApplicationConfiguration : IEntityTypeConfiguration<PaymentApplication>
{
    public void Configure(EntityTypeBuilder<PaymentApplication> payment)
    {
        payment.ToTable("payment_applications");
        payment.Property(p => p.Kind).HasMaxLength(20);
        payment.Property(p => p.PaymentReference).HasMaxLength(200);
        payment.Property(p => p.PlanId).HasMaxLength(20);
        payment.HasIndex(p => new { p.Kind, p.PaymentReference }).IsUnique();
        payment.HasIndex(p => p.UserId);
    }
}

internal sealed class AdminAdjustmentConfiguration : IEntityTypeConfiguration<AdminAdjustment>
{
    public void Configure(EntityTypeBuilder<AdminAdjustment> adjustment)
    {
        adjustment.ToTable("admin_adjustments");
        adjustment.Property(a => a.Action).HasMaxLength(20);
        adjustment.Property(a => a.Bucket).HasMaxLength(20);
        adjustment.Property(a => a.PlanId).HasMaxLength(20);
        adjustment.Property(a => a.Reason).HasMaxLength(500);
        adjustment.Property(a => a.Reference).HasMaxLength(200);
        adjustment.HasIndex(a => a.Reference).IsUnique();
        adjustment.HasIndex(a => new { a.UserId, a.At });
    }
}
