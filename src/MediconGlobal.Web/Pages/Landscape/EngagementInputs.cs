using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Landscape;

/// <summary>The "move along the pipeline" form.</summary>
public sealed class MoveInput
{
    public PartnershipStatus? To { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    public int Version { get; set; }
}

public sealed class MoveInputValidator : AbstractValidator<MoveInput>
{
    public const int NoteLength = PartnershipStatusChange.NoteMaxLength;

    public MoveInputValidator()
    {
        RuleFor(x => x.To).NotNull().WithMessage("Choose the status to move the organisation to.")
            .IsInEnum().WithMessage("Choose one of the pipeline statuses.");
        RuleFor(x => x.Note).MaximumLength(NoteLength).WithMessage("Keep the note under {MaxLength} characters.");
    }
}

/// <summary>The "what the organisation needs from collaboration" form.</summary>
public sealed class NeedsInput
{
    [DataType(DataType.MultilineText)]
    public string? CollaborationNeeds { get; set; }

    public int Version { get; set; }
}

public sealed class NeedsInputValidator : AbstractValidator<NeedsInput>
{
    public const int NeedsLength = Organisation.CollaborationNeedsMaxLength;

    public NeedsInputValidator()
    {
        RuleFor(x => x.CollaborationNeeds).MaximumLength(NeedsLength).WithMessage("Keep the text under {MaxLength} characters.");
    }
}
