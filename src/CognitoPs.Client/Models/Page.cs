using System.Collections.Generic;

namespace CognitoPs.Client
{
    /// <summary>One page of a list operation. A page may be short or empty and still carry a token: only a missing token ends the list.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextToken)
        {
            Items = items;
            NextToken = nextToken;
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextToken { get; }
    }
}
