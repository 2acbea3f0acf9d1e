using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>Reads a list operation to its end.</summary>
    internal static class Pages
    {
        /// <summary>Every item, asking for one page after another until a page comes without a token.</summary>
        public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<string?, Task<Page<T>>> page)
        {
            var all = new List<T>();
            string? token = null;
            do
            {
                var next = await page(token).ConfigureAwait(false);
                all.AddRange(next.Items);
                token = next.NextToken;
            }
            while (token != null);

            return all;
        }
    }
}
