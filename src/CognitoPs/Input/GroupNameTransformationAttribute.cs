namespace CognitoPs
{
    /// <summary>A group name, or an object with a GroupName property (a Get-CognitoGroup result, a CSV row).</summary>
    internal sealed class GroupNameTransformationAttribute : NameTransformationAttribute
    {
        public GroupNameTransformationAttribute()
            : base("group name", new[] { "GroupName" })
        {
        }
    }
}
