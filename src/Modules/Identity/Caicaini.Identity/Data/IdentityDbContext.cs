using Caicaini.Identity.Domain;
using Caicaini.Shared.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Identity.Data;

/// <summary>
/// ASP.NET Core Identity's tables, API tokens and the data-protection keys (so every Host instance
/// can read every cookie and reset link), all in schema "identity" beside the module's outbox.
/// </summary>
internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<User, Role, Guid>(options),
      IModuleDbContext, IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public string SchemaName => Schema;

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ModuleModel.Configure(modelBuilder, Schema);

        // Plain names instead of AspNet* (the snake_case convention does not rename explicit tables).
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            // Identity already keeps normalised (upper-cased) usernames unique, so "Alice" and "alice"
            // are one person; emails get the same guarantee from the database, not only from code.
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
        });
        modelBuilder.Entity<Role>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
