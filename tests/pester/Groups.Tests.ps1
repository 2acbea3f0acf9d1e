# Groups and membership against cognito-local (state read back through the AWS JS SDK, membership both ways), and
# against the stand-in where cognito-local answers unlike Cognito (no GroupExists, no pagination, no aliases).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function Get-SdkMembers([string] $PoolId, [string] $Group, [string] $Endpoint = $EmulatorUrl) {
        @((Invoke-Sdk ListUsersInGroup @{ UserPoolId = $PoolId; GroupName = $Group } -Endpoint $Endpoint).Users | ForEach-Object Username) | Sort-Object
    }
    function Get-SdkGroupsOf([string] $PoolId, [string] $Username, [string] $Endpoint = $EmulatorUrl) {
        @((Invoke-Sdk AdminListGroupsForUser @{ UserPoolId = $PoolId; Username = $Username } -Endpoint $Endpoint).Groups | ForEach-Object GroupName) | Sort-Object
    }
}

AfterAll {
    Disconnect-CognitoUserPool
    Stop-OwnTestServers
}

Describe 'Groups against cognito-local' {
    BeforeEach {
        $Pool = New-EmulatorPool -Url $EmulatorUrl -Name 'groups' -Username 'alice', 'bob', 'contractor-1', 'contractor-2'
        Connect-CognitoUserPool $Pool.Id -EndpointUrl $EmulatorUrl | Out-Null
    }
    AfterEach { Disconnect-CognitoUserPool }

    It 'New-, Get-, Set- and Remove-CognitoGroup: create, find (by name and pattern), change only what is given, delete' {
        $created = 'team-a', 'team-b', 'admins' | New-CognitoGroup -Description 'first' -Precedence 10
        $created.GroupName | Should -Be @('team-a', 'team-b', 'admins')
        $created[0].GetType().FullName | Should -Be 'CognitoPs.CognitoGroup'
        $created[0].UserPoolId | Should -Be $Pool.Id
        (Invoke-Sdk GetGroup @{ UserPoolId = $Pool.Id; GroupName = 'team-a' }).Group.Description | Should -Be 'first'

        (Get-CognitoGroup).GroupName | Sort-Object | Should -Be @('admins', 'team-a', 'team-b')
        (Get-CognitoGroup -GroupName 'TEAM-*').GroupName | Sort-Object | Should -Be @('team-a', 'team-b')
        (Get-CognitoGroup admins).Precedence | Should -Be 10

        $changed = Set-CognitoGroup team-a -Precedence 3 -PassThru
        $changed.Precedence | Should -Be 3
        $group = (Invoke-Sdk GetGroup @{ UserPoolId = $Pool.Id; GroupName = 'team-a' }).Group
        $group.Precedence | Should -Be 3
        $group.Description | Should -Be 'first'

        'alice' | Add-CognitoGroupMember -GroupName team-b
        Get-CognitoGroup -GroupName 'team-b' | Remove-CognitoGroup -Force
        (Invoke-Sdk ListGroups @{ UserPoolId = $Pool.Id }).Groups.GroupName | Sort-Object | Should -Be @('admins', 'team-a')
        Test-SdkUserExists $Pool.Id 'alice' | Should -BeTrue       # members are not deleted with their group
    }

    It 'Get-CognitoUser -UsernamePrefix | Add-CognitoGroupMember, read back both ways, then Get-CognitoGroupMember | Remove-CognitoGroupMember' {
        New-CognitoGroup contractors, old-team | Out-Null

        $added = Get-CognitoUser -UsernamePrefix 'contractor-' | Add-CognitoGroupMember -GroupName contractors, old-team -PassThru -ThrottleLimit 4

        $added | ForEach-Object { "$($_.Username)>$($_.Group)" } | Should -Be @('contractor-1>contractors', 'contractor-1>old-team', 'contractor-2>contractors', 'contractor-2>old-team')
        $added.Action | Select-Object -Unique | Should -Be 'AddedToGroup'
        Get-SdkMembers $Pool.Id 'contractors' | Should -Be @('contractor-1', 'contractor-2')
        Get-SdkGroupsOf $Pool.Id 'contractor-1' | Should -Be @('contractors', 'old-team')
        Get-SdkGroupsOf $Pool.Id 'alice' | Should -BeNullOrEmpty

        $members = Get-CognitoGroupMember old-team
        $members.Username | Sort-Object | Should -Be @('contractor-1', 'contractor-2')
        $members.Group | Select-Object -Unique | Should -Be 'old-team'
        $members[0].GetType().FullName | Should -Be 'CognitoPs.CognitoUser'

        $members | Remove-CognitoGroupMember -GroupName old-team
        Get-SdkMembers $Pool.Id 'old-team' | Should -BeNullOrEmpty
        Get-SdkGroupsOf $Pool.Id 'contractor-2' | Should -Be @('contractors')
    }

    It 'adding a member twice and removing a non-member are not errors' {
        New-CognitoGroup ops | Out-Null
        'alice' | Add-CognitoGroupMember -GroupName ops

        'alice' | Add-CognitoGroupMember -GroupName ops -ErrorVariable again -ErrorAction SilentlyContinue
        'bob' | Remove-CognitoGroupMember -GroupName ops -ErrorVariable nonMember -ErrorAction SilentlyContinue

        $again | Should -BeNullOrEmpty
        $nonMember | Should -BeNullOrEmpty
        Get-SdkMembers $Pool.Id 'ops' | Should -Be @('alice')
    }

    It 'Get-CognitoUser alice | Get-CognitoGroup lists her groups' {
        New-CognitoGroup ops, admins, readers | Out-Null
        'alice' | Add-CognitoGroupMember -GroupName ops, readers

        (Get-CognitoUser alice | Get-CognitoGroup).GroupName | Sort-Object | Should -Be @('ops', 'readers')
    }

    It 'a missing group on the command line stops the command and names the group; an unknown user fails alone' {
        New-CognitoGroup ops | Out-Null
        $caught = $null
        try { 'alice', 'bob' | Add-CognitoGroupMember -GroupName no-such-group } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,CognitoPs.Commands.AddCognitoGroupMemberCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.TargetObject | Should -Be 'no-such-group'
        "$caught" | Should -Match "Group 'no-such-group' does not exist"

        $added = 'alice', 'nobody', 'bob' | Add-CognitoGroupMember -GroupName ops -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $added.Username | Should -Be @('alice', 'bob')
        $failed[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,CognitoPs.Commands.AddCognitoGroupMemberCommand'
        $failed[0].TargetObject | Should -Be 'nobody'
    }

    It 'memberships from a CSV: a row whose group is missing fails alone, naming the group' {
        New-CognitoGroup ops, admins | Out-Null
        $csv = Join-Path $TestDrive 'memberships.csv'
        @(
            [pscustomobject]@{ Username = 'alice'; GroupName = 'ops' }
            [pscustomobject]@{ Username = 'bob'; GroupName = 'no-such-group' }
            [pscustomobject]@{ Username = 'bob'; GroupName = 'admins' }
        ) | Export-Csv $csv -NoTypeInformation

        $added = Import-Csv $csv | Add-CognitoGroupMember -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

        $added | ForEach-Object { "$($_.Username)>$($_.Group)" } | Should -Be @('alice>ops', 'bob>admins')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,CognitoPs.Commands.AddCognitoGroupMemberCommand'
        $failed[0].TargetObject | Should -Be 'no-such-group'
        Get-SdkGroupsOf $Pool.Id 'bob' | Should -Be @('admins')
    }

    It 'an audit: every group with its member count, and a CSV of who is where' {
        New-CognitoGroup ops, admins, empty | Out-Null
        'alice', 'bob' | Add-CognitoGroupMember -GroupName ops
        'alice' | Add-CognitoGroupMember -GroupName admins

        $counts = Get-CognitoGroup | ForEach-Object { [pscustomobject]@{ Group = $_.GroupName; Members = @($_ | Get-CognitoGroupMember).Count } }
        $csv = Join-Path $TestDrive 'who-is-where.csv'
        Get-CognitoGroup | Get-CognitoGroupMember | Select-Object Group, Username | Export-Csv $csv -NoTypeInformation

        ($counts | Sort-Object Group | ForEach-Object { "$($_.Group)=$($_.Members)" }) | Should -Be @('admins=1', 'empty=0', 'ops=2')
        (Import-Csv $csv | Sort-Object Group, Username | ForEach-Object { "$($_.Group)>$($_.Username)" }) | Should -Be @('admins>alice', 'ops>alice', 'ops>bob')
    }

    It '-GroupName tab-completes the connected pool''s groups, and offers nothing (not file names) when nothing is connected' {
        New-CognitoGroup alpha, beta, alps | Out-Null
        $line = 'Add-CognitoGroupMember alice -GroupName al'

        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('alpha', 'alps')

        Disconnect-CognitoUserPool
        $line = 'Get-CognitoGroupMember '
        (TabExpansion2 $line $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }

    It '-WhatIf on the group cmdlets names the group (and user) and the pool, and sends nothing' {
        Set-GatewayFaults
        $connection = @{ UserPoolId = $Pool.Id; EndpointUrl = $GatewayUrl }
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        'g1' | New-CognitoGroup @connection -WhatIf
        'g1' | Set-CognitoGroup @connection -Precedence 1 -WhatIf
        'g1' | Remove-CognitoGroup @connection -WhatIf
        'alice' | Add-CognitoGroupMember @connection -GroupName g1 -WhatIf
        'alice' | Remove-CognitoGroupMember @connection -GroupName g1 -WhatIf
        Stop-Transcript | Out-Null

        (Get-GatewayStats).requests | Should -Be 0
        $text = Get-Content $transcript -Raw
        $text | Should -Match ([regex]::Escape("`"Create group`" on target `"group 'g1' in user pool '$($Pool.Id)'`""))
        $text | Should -Match ([regex]::Escape("`"Change group`" on target `"group 'g1' in user pool '$($Pool.Id)'`""))
        $text | Should -Match ([regex]::Escape("on target `"group 'g1' in user pool '$($Pool.Id)'`""))
        $text | Should -Match ([regex]::Escape("`"Add to group`" on target `"user 'alice' in user pool '$($Pool.Id)', group 'g1'`""))
        $text | Should -Match ([regex]::Escape("`"Remove from group`" on target `"user 'alice' in user pool '$($Pool.Id)', group 'g1'`""))
    }
}

Describe 'Groups against the stand-in (what cognito-local gets wrong)' {
    BeforeAll { $StandIn = @{ UserPoolId = 'eu-west-1_Grp1'; EndpointUrl = $FakeUrl } }
    BeforeEach { Reset-FakeStats }

    It 'a second CreateGroup is GroupExists and leaves the existing group and its members alone' {
        Add-FakeUsers 'eu-west-1_Grp1' @(@{ Username = 'alice' })
        New-CognitoGroup ops @StandIn -Description 'original' | Out-Null
        'alice' | Add-CognitoGroupMember -GroupName ops @StandIn

        $results = 'ops', 'fresh' | New-CognitoGroup @StandIn -Description 'again' -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.GroupName | Should -Be 'fresh'
        $failed[0].FullyQualifiedErrorId | Should -Be 'GroupExists,CognitoPs.Commands.NewCognitoGroupCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].TargetObject | Should -Be 'ops'
        (Invoke-Sdk GetGroup @{ UserPoolId = 'eu-west-1_Grp1'; GroupName = 'ops' } -Endpoint $FakeUrl).Group.Description | Should -Be 'original'
        Get-SdkMembers 'eu-west-1_Grp1' 'ops' -Endpoint $FakeUrl | Should -Be @('alice')
    }

    It 'a group with 130 members lists completely through pagination; -First stops the requests early' {
        $names = 1..130 | ForEach-Object { 'member-{0:000}' -f $_ }
        $seed = @{ pool = 'eu-west-1_Grp2'; users = @($names | ForEach-Object { @{ Username = $_ } }); groups = @(@{ GroupName = 'big'; Members = $names }) } |
            ConvertTo-Json -Depth 5
        Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body $seed | Out-Null

        $all = Get-CognitoGroupMember big -UserPoolId eu-west-1_Grp2 -EndpointUrl $FakeUrl
        $pagesForAll = (Get-FakeStats).byOperation.ListUsersInGroup
        $first = Get-CognitoGroupMember big -UserPoolId eu-west-1_Grp2 -EndpointUrl $FakeUrl -First 10

        ($all.Username | Sort-Object -Unique) | Should -Be $names
        $pagesForAll | Should -BeGreaterThan 3                                              # 60, an empty page, 60, ...: every token followed
        $first.Count | Should -Be 10
        (Get-FakeStats).byOperation.ListUsersInGroup | Should -Be ($pagesForAll + 1)       # -First 10 asks for one page of 10
    }

    It 'seventy groups list completely through pagination' {
        Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body (@{
                pool = 'eu-west-1_Grp3'; groups = @(1..70 | ForEach-Object { @{ GroupName = 'g{0:00}' -f $_ } }) } | ConvertTo-Json -Depth 5) | Out-Null

        (Get-CognitoGroup -UserPoolId eu-west-1_Grp3 -EndpointUrl $FakeUrl).Count | Should -Be 70
        (Get-CognitoGroup -GroupName 'g6*' -UserPoolId eu-west-1_Grp3 -EndpointUrl $FakeUrl).GroupName | Should -Be @('g60', 'g61', 'g62', 'g63', 'g64', 'g65', 'g66', 'g67', 'g68', 'g69')
    }

    It 'Get-CognitoGroup -Username finds a user''s groups by email alias, as Cognito does' {
        Add-FakeUsers 'eu-west-1_Grp4' @(@{ Username = 'u-1'; Attributes = @(@{ Name = 'email'; Value = 'ann@example.com' }) })
        New-CognitoGroup ops -UserPoolId eu-west-1_Grp4 -EndpointUrl $FakeUrl | Out-Null
        'ann@example.com' | Add-CognitoGroupMember -GroupName ops -UserPoolId eu-west-1_Grp4 -EndpointUrl $FakeUrl

        (Get-CognitoGroup -Username 'ann@example.com' -UserPoolId eu-west-1_Grp4 -EndpointUrl $FakeUrl).GroupName | Should -Be 'ops'
        Get-SdkMembers 'eu-west-1_Grp4' 'ops' -Endpoint $FakeUrl | Should -Be @('u-1')
    }

    It 'Set-CognitoGroup keeps what it was not given, though UpdateGroup resets whatever it is not sent' {
        New-CognitoGroup ops @StandIn -Description 'keep me' -Precedence 4 -RoleArn 'arn:aws:iam::123456789012:role/ops' | Out-Null

        Set-CognitoGroup ops @StandIn -Precedence 1

        $group = (Invoke-Sdk GetGroup @{ UserPoolId = 'eu-west-1_Grp1'; GroupName = 'ops' } -Endpoint $FakeUrl).Group
        $group.Precedence | Should -Be 1
        $group.Description | Should -Be 'keep me'
        $group.RoleArn | Should -Be 'arn:aws:iam::123456789012:role/ops'
    }

    It 'a missing pool is told apart from a missing group' {
        $caught = $null
        try { 'alice' | Add-CognitoGroupMember -GroupName ops -UserPoolId eu-west-1_NoSuchPool -EndpointUrl $FakeUrl } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,CognitoPs.Commands.AddCognitoGroupMemberCommand'
        $caught.TargetObject | Should -Be 'eu-west-1_NoSuchPool'
        "$caught" | Should -Not -Match "Group 'ops' does not exist"
        "$caught" | Should -Match 'User pool eu-west-1_NoSuchPool does not exist'
    }
}
