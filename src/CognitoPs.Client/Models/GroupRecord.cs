using System;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A group as ListGroups, GetGroup, CreateGroup and UpdateGroup return it (GroupType).</summary>
    public sealed class GroupRecord
    {
        public string GroupName { get; set; } = "";

        public string? Description { get; set; }

        public int? Precedence { get; set; }

        public string? RoleArn { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        internal static GroupRecord Read(JsonElement group) => new GroupRecord
        {
            GroupName = Json.String(group, "GroupName") ?? "",
            Description = Json.String(group, "Description"),
            Precedence = Json.Int(group, "Precedence"),
            RoleArn = Json.String(group, "RoleArn"),
            Created = Json.Date(group, "CreationDate"),
            Modified = Json.Date(group, "LastModifiedDate"),
        };
    }
}
