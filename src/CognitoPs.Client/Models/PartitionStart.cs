namespace CognitoPs.Client
{
    /// <summary>Where one partition of a <see cref="PartitionedPages{T}"/> listing starts.</summary>
    public sealed class PartitionStart<T>
    {
        /// <param name="filter">The partition's filter (null: the whole listing).</param>
        /// <param name="token">The token to go on from (null: the partition's first page).</param>
        /// <param name="prefetched">A page of this partition already read, to hand over first and go on after.</param>
        public PartitionStart(string? filter, string? token = null, Page<T>? prefetched = null)
        {
            Filter = filter;
            Token = token;
            Prefetched = prefetched;
        }

        public string? Filter { get; }

        public string? Token { get; }

        public Page<T>? Prefetched { get; }
    }
}
