using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Import;

/// <summary>The fields an import row would change on an existing record. Columns absent from the file change nothing.</summary>
internal sealed class ChangeList(CsvRecord record)
{
    public List<string> Fields { get; } = [];

    public bool Any => Fields.Count > 0;

    public void Compare<T>(string column, T current, T incoming)
    {
        if (record.Has(column) && !EqualityComparer<T>.Default.Equals(current, incoming))
        {
            Fields.Add(column);
        }
    }

    public void CompareTerms(string column, IEnumerable<int> current, IReadOnlyList<TaxonomyTerm>? incoming)
    {
        if (incoming is not null && !current.ToHashSet().SetEquals(incoming.Select(t => t.Id)))
        {
            Fields.Add(column);
        }
    }

    public void CompareSequence<T>(string column, IEnumerable<T> current, IEnumerable<T>? incoming)
    {
        if (incoming is not null && record.Has(column) && !current.SequenceEqual(incoming))
        {
            Fields.Add(column);
        }
    }
}
