using System.Collections.Generic;

namespace CognitoPs.Client
{
    /// <summary>A page of one partition: the partition's index, the items, and the token to go on from (null: the partition is done).</summary>
    public sealed class PartitionPage<T>
    {
        public PartitionPage(int partition, Page<T> page)
        {
            Partition = partition;
            Items = page.Items;
            NextToken = page.NextToken;
        }

        public int Partition { get; }

        public IReadOnlyList<T> Items { get; }

        public string? NextToken { get; }
    }
}
