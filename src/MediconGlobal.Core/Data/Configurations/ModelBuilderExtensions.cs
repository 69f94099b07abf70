using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

/// <summary>Column sizes used across the model. Indexed text stays short so every provider can index it.</summary>
internal static class ModelBuilderExtensions
{
    public const int NameLength = Entity.NameMaxLength;
    public const int CodeLength = 64;
    public const int EmailLength = 256;
    public const int UrlLength = 500;
    public const int UserIdLength = 450;

    public static PropertyBuilder<string> HaveName(this PropertyBuilder<string> property) => property.HasMaxLength(NameLength).IsRequired();

    public static PropertyBuilder<string> HaveCode(this PropertyBuilder<string> property) => property.HasMaxLength(CodeLength).IsRequired();

    public static PropertyBuilder<string> HaveUserId(this PropertyBuilder<string> property) => property.HasMaxLength(UserIdLength).IsRequired();

    public static void AuditFields<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(EmailLength);
        builder.Property(e => e.UpdatedBy).HasMaxLength(EmailLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
