using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>The whole domain model and ASP.NET Core Identity. Written by hand; see docs/decisions/0003.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.LongIdentity(),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "TaxonomyTerms",
            columns: table => new
            {
                Id = table.Identity(),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                ParentId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsAgnostic = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxonomyTerms", x => x.Id);
                table.ForeignKey(
                    name: "FK_TaxonomyTerms_TaxonomyTerms_ParentId",
                    column: x => x.ParentId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Identity(),
                RoleId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 32, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                RegionId = table.Column<int>(nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                CollaborationNeeds = table.Column<string>(maxLength: 4000, nullable: true),
                PartnershipStatus = table.Column<string>(maxLength: 32, nullable: false),
                SeedKey = table.Column<string>(maxLength: 64, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 8400, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organisations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Organisations_TaxonomyTerms_RegionId",
                    column: x => x.RegionId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Companies",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                OrganisationNumber = table.Column<string>(maxLength: 20, nullable: true),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                RegionId = table.Column<int>(nullable: true),
                SectorId = table.Column<int>(nullable: true),
                StageId = table.Column<int>(nullable: true),
                FoundedYear = table.Column<int>(nullable: true),
                Employees = table.Column<int>(nullable: true),
                HomeIncubatorId = table.Column<int>(nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                SharesDataWithPartners = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 230, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Companies", x => x.Id);
                table.ForeignKey(
                    name: "FK_Companies_Organisations_HomeIncubatorId",
                    column: x => x.HomeIncubatorId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Companies_TaxonomyTerms_RegionId",
                    column: x => x.RegionId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Companies_TaxonomyTerms_SectorId",
                    column: x => x.SectorId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Companies_TaxonomyTerms_StageId",
                    column: x => x.StageId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OrganisationContacts",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Phone = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationContacts", x => x.Id);
                table.ForeignKey(
                    name: "FK_OrganisationContacts_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OrganisationTerms",
            columns: table => new
            {
                OrganisationId = table.Column<int>(nullable: false),
                TermId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationTerms", x => new { x.OrganisationId, x.TermId });
                table.ForeignKey(
                    name: "FK_OrganisationTerms_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_OrganisationTerms_TaxonomyTerms_TermId",
                    column: x => x.TermId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PartnershipStatusChanges",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.Column<int>(nullable: false),
                From = table.Column<string>(maxLength: 32, nullable: true),
                To = table.Column<string>(maxLength: 32, nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                ChangedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                ChangedByName = table.Column<string>(maxLength: 200, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartnershipStatusChanges", x => x.Id);
                table.ForeignKey(
                    name: "FK_PartnershipStatusChanges_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                LeadOrganisationId = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                Funder = table.Column<string>(maxLength: 200, nullable: true),
                FunderOrganisationId = table.Column<int>(nullable: true),
                FundingAmountMinor = table.Column<long>(nullable: true),
                FundingCurrency = table.Column<string>(maxLength: 3, nullable: true),
                ReferenceNumber = table.Column<string>(maxLength: 64, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                EndDate = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                TargetGroup = table.Column<string>(maxLength: 2000, nullable: true),
                Geography = table.Column<string>(maxLength: 2000, nullable: true),
                Activities = table.Column<string>(maxLength: 8000, nullable: true),
                LessonsLearned = table.Column<string>(maxLength: 8000, nullable: true),
                Links = table.Column<string>(maxLength: 4000, nullable: true),
                SeedKey = table.Column<string>(maxLength: 64, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 8400, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Programmes", x => x.Id);
                table.ForeignKey(
                    name: "FK_Programmes_Organisations_FunderOrganisationId",
                    column: x => x.FunderOrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Programmes_Organisations_LeadOrganisationId",
                    column: x => x.LeadOrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                OrganisationId = table.Column<int>(nullable: true),
                CompanyId = table.Column<int>(nullable: true),
                NotificationsSeenAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CompanyNotes",
            columns: table => new
            {
                Id = table.Identity(),
                CompanyId = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                AuthorUserId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CompanyNotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_CompanyNotes_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CompanyTerms",
            columns: table => new
            {
                CompanyId = table.Column<int>(nullable: false),
                TermId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CompanyTerms", x => new { x.CompanyId, x.TermId });
                table.ForeignKey(
                    name: "FK_CompanyTerms_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CompanyTerms_TaxonomyTerms_TermId",
                    column: x => x.TermId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ConsentRecords",
            columns: table => new
            {
                Id = table.Identity(),
                CompanyId = table.Column<int>(nullable: false),
                Given = table.Column<bool>(nullable: false),
                Purpose = table.Column<string>(maxLength: 1000, nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConsentRecords_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Activities",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                ProgrammeId = table.Column<int>(nullable: true),
                OrganiserId = table.Column<int>(nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                ParticipantCount = table.Column<int>(nullable: true),
                FollowUpCount = table.Column<int>(nullable: true),
                Outcome = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Activities", x => x.Id);
                table.ForeignKey(
                    name: "FK_Activities_Organisations_OrganiserId",
                    column: x => x.OrganiserId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Activities_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Offers",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                ProviderId = table.Column<int>(nullable: false),
                ProgrammeId = table.Column<int>(nullable: true),
                CategoryId = table.Column<int>(nullable: false),
                Format = table.Column<string>(maxLength: 32, nullable: false),
                Cost = table.Column<string>(maxLength: 32, nullable: false),
                CostDetails = table.Column<string>(maxLength: 1000, nullable: true),
                HowToApply = table.Column<string>(maxLength: 4000, nullable: true),
                Dates = table.Column<string>(maxLength: 1000, nullable: true),
                StartsOn = table.Column<DateOnly>(nullable: true),
                EndsOn = table.Column<DateOnly>(nullable: true),
                ApplicationDeadline = table.Column<DateOnly>(nullable: true),
                Capacity = table.Column<int>(nullable: true),
                ContactName = table.Column<string>(maxLength: 200, nullable: true),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 50, nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                LastReviewedAt = table.Column<DateTime>(nullable: false),
                SeedKey = table.Column<string>(maxLength: 64, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                SearchText = table.Column<string>(maxLength: 8400, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Offers", x => x.Id);
                table.ForeignKey(
                    name: "FK_Offers_Organisations_ProviderId",
                    column: x => x.ProviderId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Offers_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Offers_TaxonomyTerms_CategoryId",
                    column: x => x.CategoryId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProgrammeIndicators",
            columns: table => new
            {
                Id = table.Identity(),
                ProgrammeId = table.Column<int>(nullable: false),
                Metric = table.Column<string>(maxLength: 500, nullable: false),
                Target = table.Column<int>(nullable: true),
                Actual = table.Column<int>(nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammeIndicators", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProgrammeIndicators_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProgrammePartners",
            columns: table => new
            {
                ProgrammeId = table.Column<int>(nullable: false),
                OrganisationId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammePartners", x => new { x.ProgrammeId, x.OrganisationId });
                table.ForeignKey(
                    name: "FK_ProgrammePartners_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ProgrammePartners_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Identity(),
                UserId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                ProviderKey = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                RoleId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                LoginProvider = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                Name = table.Column<string>(maxLength: migrationBuilder.StringKeyLength(), nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CompanyAdvisors",
            columns: table => new
            {
                CompanyId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CompanyAdvisors", x => new { x.CompanyId, x.UserId });
                table.ForeignKey(
                    name: "FK_CompanyAdvisors_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CompanyAdvisors_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActivityParticipants",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                CompanyId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityParticipants", x => new { x.ActivityId, x.CompanyId });
                table.ForeignKey(
                    name: "FK_ActivityParticipants_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ActivityParticipants_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Needs",
            columns: table => new
            {
                Id = table.Identity(),
                CompanyId = table.Column<int>(nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                MarketId = table.Column<int>(nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Priority = table.Column<string>(maxLength: 32, nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                UnmetReason = table.Column<string>(maxLength: 32, nullable: true),
                RequestedByCompany = table.Column<bool>(nullable: false),
                RequestedOfferId = table.Column<int>(nullable: true),
                LoggedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                LoggedByName = table.Column<string>(maxLength: 200, nullable: false),
                LoggedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosingNote = table.Column<string>(maxLength: 2000, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Needs", x => x.Id);
                table.ForeignKey(
                    name: "FK_Needs_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Needs_Offers_RequestedOfferId",
                    column: x => x.RequestedOfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Needs_TaxonomyTerms_CategoryId",
                    column: x => x.CategoryId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Needs_TaxonomyTerms_MarketId",
                    column: x => x.MarketId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OfferTerms",
            columns: table => new
            {
                OfferId = table.Column<int>(nullable: false),
                TermId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OfferTerms", x => new { x.OfferId, x.TermId });
                table.ForeignKey(
                    name: "FK_OfferTerms_Offers_OfferId",
                    column: x => x.OfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_OfferTerms_TaxonomyTerms_TermId",
                    column: x => x.TermId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "NeedStatusChanges",
            columns: table => new
            {
                Id = table.Identity(),
                NeedId = table.Column<int>(nullable: false),
                From = table.Column<string>(maxLength: 32, nullable: true),
                To = table.Column<string>(maxLength: 32, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                ChangedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                ChangedByName = table.Column<string>(maxLength: 200, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NeedStatusChanges", x => x.Id);
                table.ForeignKey(
                    name: "FK_NeedStatusChanges_Needs_NeedId",
                    column: x => x.NeedId,
                    principalTable: "Needs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Referrals",
            columns: table => new
            {
                Id = table.Identity(),
                NeedId = table.Column<int>(nullable: false),
                OfferId = table.Column<int>(nullable: true),
                ReceivingOrganisationId = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                Message = table.Column<string>(maxLength: 4000, nullable: true),
                SentByUserId = table.Column<string>(maxLength: 450, nullable: false),
                SentByName = table.Column<string>(maxLength: 200, nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                AnsweredByUserId = table.Column<string>(maxLength: 450, nullable: true),
                AnsweredByName = table.Column<string>(maxLength: 200, nullable: true),
                Answer = table.Column<string>(maxLength: 4000, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                CompletedByName = table.Column<string>(maxLength: 200, nullable: true),
                Outcome = table.Column<string>(maxLength: 4000, nullable: true),
                Feedback = table.Column<string>(maxLength: 4000, nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Referrals", x => x.Id);
                table.ForeignKey(
                    name: "FK_Referrals_Needs_NeedId",
                    column: x => x.NeedId,
                    principalTable: "Needs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Referrals_Offers_OfferId",
                    column: x => x.OfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Referrals_Organisations_ReceivingOrganisationId",
                    column: x => x.ReceivingOrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Activities_Date",
            table: "Activities",
            column: "Date");

        migrationBuilder.CreateIndex(
            name: "IX_Activities_OrganiserId",
            table: "Activities",
            column: "OrganiserId");

        migrationBuilder.CreateIndex(
            name: "IX_Activities_ProgrammeId",
            table: "Activities",
            column: "ProgrammeId");

        migrationBuilder.CreateIndex(
            name: "IX_ActivityParticipants_CompanyId",
            table: "ActivityParticipants",
            column: "CompanyId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true,
            filter: migrationBuilder.NotNullFilter("NormalizedName"));

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_CompanyId",
            table: "AspNetUsers",
            column: "CompanyId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_OrganisationId",
            table: "AspNetUsers",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true,
            filter: migrationBuilder.NotNullFilter("NormalizedUserName"));

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_At",
            table: "AuditEntries",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_EntityType_EntityId",
            table: "AuditEntries",
            columns: new[] { "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_UserId",
            table: "AuditEntries",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_Companies_CountryCode_OrganisationNumber",
            table: "Companies",
            columns: new[] { "CountryCode", "OrganisationNumber" });

        migrationBuilder.CreateIndex(
            name: "IX_Companies_HomeIncubatorId",
            table: "Companies",
            column: "HomeIncubatorId");

        migrationBuilder.CreateIndex(
            name: "IX_Companies_RegionId",
            table: "Companies",
            column: "RegionId");

        migrationBuilder.CreateIndex(
            name: "IX_Companies_SearchText",
            table: "Companies",
            column: "SearchText");

        migrationBuilder.CreateIndex(
            name: "IX_Companies_SectorId",
            table: "Companies",
            column: "SectorId");

        migrationBuilder.CreateIndex(
            name: "IX_Companies_StageId",
            table: "Companies",
            column: "StageId");

        migrationBuilder.CreateIndex(
            name: "IX_CompanyAdvisors_UserId",
            table: "CompanyAdvisors",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_CompanyNotes_CompanyId_CreatedAt",
            table: "CompanyNotes",
            columns: new[] { "CompanyId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_CompanyTerms_TermId",
            table: "CompanyTerms",
            column: "TermId");

        migrationBuilder.CreateIndex(
            name: "IX_ConsentRecords_CompanyId_RecordedAt",
            table: "ConsentRecords",
            columns: new[] { "CompanyId", "RecordedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Needs_CategoryId_MarketId",
            table: "Needs",
            columns: new[] { "CategoryId", "MarketId" });

        migrationBuilder.CreateIndex(
            name: "IX_Needs_CompanyId_Status",
            table: "Needs",
            columns: new[] { "CompanyId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Needs_LoggedAt",
            table: "Needs",
            column: "LoggedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Needs_MarketId",
            table: "Needs",
            column: "MarketId");

        migrationBuilder.CreateIndex(
            name: "IX_Needs_RequestedOfferId",
            table: "Needs",
            column: "RequestedOfferId");

        migrationBuilder.CreateIndex(
            name: "IX_NeedStatusChanges_NeedId_ChangedAt",
            table: "NeedStatusChanges",
            columns: new[] { "NeedId", "ChangedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Offers_CategoryId",
            table: "Offers",
            column: "CategoryId");

        migrationBuilder.CreateIndex(
            name: "IX_Offers_LastReviewedAt",
            table: "Offers",
            column: "LastReviewedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Offers_ProgrammeId",
            table: "Offers",
            column: "ProgrammeId");

        migrationBuilder.CreateIndex(
            name: "IX_Offers_ProviderId",
            table: "Offers",
            column: "ProviderId");

        migrationBuilder.CreateIndex(
            name: "IX_Offers_SeedKey",
            table: "Offers",
            column: "SeedKey",
            unique: true,
            filter: migrationBuilder.NotNullFilter("SeedKey"));

        migrationBuilder.CreateIndex(
            name: "IX_Offers_Status_CategoryId",
            table: "Offers",
            columns: new[] { "Status", "CategoryId" });

        migrationBuilder.CreateIndex(
            name: "IX_OfferTerms_TermId",
            table: "OfferTerms",
            column: "TermId");

        migrationBuilder.CreateIndex(
            name: "IX_OrganisationContacts_OrganisationId",
            table: "OrganisationContacts",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_Name",
            table: "Organisations",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_RegionId",
            table: "Organisations",
            column: "RegionId");

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_SeedKey",
            table: "Organisations",
            column: "SeedKey",
            unique: true,
            filter: migrationBuilder.NotNullFilter("SeedKey"));

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_Type_CountryCode",
            table: "Organisations",
            columns: new[] { "Type", "CountryCode" });

        migrationBuilder.CreateIndex(
            name: "IX_OrganisationTerms_TermId",
            table: "OrganisationTerms",
            column: "TermId");

        migrationBuilder.CreateIndex(
            name: "IX_PartnershipStatusChanges_OrganisationId_ChangedAt",
            table: "PartnershipStatusChanges",
            columns: new[] { "OrganisationId", "ChangedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammeIndicators_ProgrammeId",
            table: "ProgrammeIndicators",
            column: "ProgrammeId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammePartners_OrganisationId",
            table: "ProgrammePartners",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_FunderOrganisationId",
            table: "Programmes",
            column: "FunderOrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_LeadOrganisationId",
            table: "Programmes",
            column: "LeadOrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_Name",
            table: "Programmes",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_SeedKey",
            table: "Programmes",
            column: "SeedKey",
            unique: true,
            filter: migrationBuilder.NotNullFilter("SeedKey"));

        migrationBuilder.CreateIndex(
            name: "IX_Referrals_NeedId",
            table: "Referrals",
            column: "NeedId");

        migrationBuilder.CreateIndex(
            name: "IX_Referrals_OfferId",
            table: "Referrals",
            column: "OfferId");

        migrationBuilder.CreateIndex(
            name: "IX_Referrals_ReceivingOrganisationId_Status",
            table: "Referrals",
            columns: new[] { "ReceivingOrganisationId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Referrals_SentByUserId",
            table: "Referrals",
            column: "SentByUserId");

        migrationBuilder.CreateUniqueIndexOnRequiredColumns(
            name: "IX_TaxonomyTerms_Kind_Code",
            table: "TaxonomyTerms",
            columns: ["Kind", "Code"]);

        migrationBuilder.CreateIndex(
            name: "IX_TaxonomyTerms_ParentId",
            table: "TaxonomyTerms",
            column: "ParentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Referrals");
        migrationBuilder.DropTable(name: "NeedStatusChanges");
        migrationBuilder.DropTable(name: "OfferTerms");
        migrationBuilder.DropTable(name: "Needs");
        migrationBuilder.DropTable(name: "ActivityParticipants");
        migrationBuilder.DropTable(name: "CompanyAdvisors");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "ProgrammePartners");
        migrationBuilder.DropTable(name: "ProgrammeIndicators");
        migrationBuilder.DropTable(name: "Offers");
        migrationBuilder.DropTable(name: "Activities");
        migrationBuilder.DropTable(name: "ConsentRecords");
        migrationBuilder.DropTable(name: "CompanyTerms");
        migrationBuilder.DropTable(name: "CompanyNotes");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "Programmes");
        migrationBuilder.DropTable(name: "PartnershipStatusChanges");
        migrationBuilder.DropTable(name: "OrganisationTerms");
        migrationBuilder.DropTable(name: "OrganisationContacts");
        migrationBuilder.DropTable(name: "Companies");
        migrationBuilder.DropTable(name: "Organisations");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "TaxonomyTerms");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
