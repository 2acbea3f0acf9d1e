# The module as a whole: complete help for every cmdlet, PowerShell's conventions, -UserPoolId completion.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Cmdlets = @(Get-Command -Module CognitoPs -CommandType Cmdlet | Sort-Object Name)
    $Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

AfterAll {
    Disconnect-CognitoUserPool
    Stop-OwnTestServers
}

Describe 'Help' {
    It '<Name> has a synopsis, a description, syntax for each parameter set, every parameter described, inputs, outputs, examples and related links' -ForEach @(
        Get-Command -Module CognitoPs -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } }
    ) {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full

        $help.Synopsis | Should -Not -BeLike "$Name*"          # a sentence, not the syntax Get-Help falls back to
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
        foreach ($item in @($help.syntax.syntaxItem)) { @($item.parameter).Count | Should -BeGreaterThan 0 }
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $Common }) {
            $described = Get-Help $Name -Parameter $parameter
            ($described.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
        @($help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
        @($help.examples.example).Count | Should -BeGreaterThan 0
        @($help.relatedLinks.navigationLink.linkText) | Should -Contain 'about_CognitoPs'
    }

    It 'parameter help carries what the code knows: position, pipeline binding, default, aliases, wildcards' {
        $throttle = Get-Help Set-CognitoUserPassword -Parameter ThrottleLimit
        $throttle.defaultValue | Should -Be '1'
        $throttle.description.Text | Should -Match 'in flight'
        $username = Get-Help Disable-CognitoUser -Parameter Username
        $username.position | Should -Be '0'
        $username.pipelineInput | Should -Be 'True (ByValue, ByPropertyName)'
        $username.aliases | Should -Be 'User, Email'
        (Get-Help Get-CognitoGroup -Parameter GroupName).globbing | Should -Be 'true'
        (Get-Help Set-CognitoUserPassword -Parameter MaxRetries).defaultValue | Should -Be '3'
    }

    It 'about_CognitoPs covers connecting, credentials, the help desk, IAM policies, moving pools, regions and endpoints, quotas, errors and secrets' {
        $about = Get-Help about_CognitoPs | Out-String
        foreach ($section in 'CONNECTING', 'CREDENTIALS', 'THE HELP DESK', 'IAM POLICIES', 'EXPORT, IMPORT AND MOVING POOLS', 'REGIONS AND ENDPOINTS', 'QUOTAS', 'ERRORS, AND RETRYING FAILURES', 'SECRETS') {
            $about | Should -Match $section
        }
        $about | Should -Match '-MaxRequestsPerSecond'
    }

    It 'each cmdlet''s help lists the IAM actions it declares' {
        foreach ($cmdlet in $Cmdlets) {
            $declared = $cmdlet.ImplementingType.GetCustomAttributes($false) | Where-Object { $_.GetType().Name -eq 'CognitoOperationsAttribute' }
            $text = (Get-Help $cmdlet.Name -Full).description.Text -join ' '
            if (-not $declared) { $text | Should -Match 'IAM actions: none'; continue }
            foreach ($operation in @($declared.Operations) + @($declared.Occasional)) {
                $text | Should -Match ([regex]::Escape("cognito-idp:$operation")) -Because "$($cmdlet.Name) may send $operation"
            }
        }
    }

    It 'the README''s and the about topic''s ready IAM policies are what Get-CognitoIamPolicy writes today' {
        # Each is a 'PS> Get-CognitoIamPolicy ...' line followed by a JSON document at the same indentation.
        $pattern = '(?ms)^(?<indent>[ ]*)PS> (?<command>Get-CognitoIamPolicy[^\r\n]*)\r?\n(?<json>\k<indent>\{.*?^\k<indent>\})'
        $about = Get-Content (Join-Path $ModuleOutDir 'en-US/about_CognitoPs.help.txt') -Raw
        $readme = Get-Content (Join-Path $RepoRoot 'README.md') -Raw
        foreach ($document in @(@{ Name = 'README.md'; Text = $readme }, @{ Name = 'about_CognitoPs'; Text = $about })) {
            $found = [regex]::Matches($document.Text, $pattern)
            $found.Count | Should -Be 2 -Because "$($document.Name) ships the help-desk and the full-admin policy"
            foreach ($match in $found) {
                $indent = $match.Groups['indent'].Value
                $shipped = ($match.Groups['json'].Value -split '\r?\n' | ForEach-Object { $_.Substring([Math]::Min($indent.Length, $_.Length)) }) -join "`n"
                $current = (& ([scriptblock]::Create($match.Groups['command'].Value))) -replace '\r\n', "`n"
                $shipped | Should -Be $current -Because "$($document.Name) must show what '$($match.Groups['command'].Value)' writes"
            }
        }
        $helpDesk = ([regex]::Matches($readme, $pattern)[0].Groups['json'].Value | ConvertFrom-Json).Statement.Action
        $helpDesk | Should -Contain 'cognito-idp:AdminDeleteSoftwareToken'
        $helpDesk | Should -Not -Contain 'cognito-idp:AdminDeleteUser' -Because 'the help desk does not delete users'
    }
}

Describe 'Conventions' {
    It 'every cmdlet uses an approved verb' {
        $approved = (Get-Verb).Verb
        $Cmdlets | Where-Object { $_.Verb -notin $approved } | Should -BeNullOrEmpty
    }

    It 'every cmdlet declares what it writes' {
        $Cmdlets | Where-Object { -not $_.OutputType } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'importing loads neither the client nor AWSSDK.Core: the first command does (no public constructor names a client type)' {
        $loaded = & $PwshPath -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name"

        $loaded | Should -Contain 'CognitoPs'
        $loaded | Should -Not -Contain 'CognitoPs.Client'
        $loaded | Should -Not -Contain 'AWSSDK.Core'
    }

    It 'the manifest exports exactly the cmdlets the assembly defines' {
        $defined = $Cmdlets[0].ImplementingType.Assembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $exported = (Import-PowerShellDataFile $ModuleManifest).CmdletsToExport | Sort-Object

        $exported | Should -Be $defined
        ($Cmdlets.Name | Sort-Object) | Should -Be $defined
    }

    It '<Name> changes state, so it supports -WhatIf/-Confirm with ConfirmImpact <Impact>' -ForEach @(
        @{ Name = 'New-CognitoUser'; Impact = 'Medium' }, @{ Name = 'Remove-CognitoUser'; Impact = 'High' }
        @{ Name = 'Enable-CognitoUser'; Impact = 'Medium' }, @{ Name = 'Disable-CognitoUser'; Impact = 'Medium' }
        @{ Name = 'Reset-CognitoUserPassword'; Impact = 'High' }, @{ Name = 'Confirm-CognitoUser'; Impact = 'Medium' }
        @{ Name = 'Set-CognitoUserAttribute'; Impact = 'Medium' }, @{ Name = 'Remove-CognitoUserAttribute'; Impact = 'Medium' }
        @{ Name = 'Revoke-CognitoUserSession'; Impact = 'Medium' }, @{ Name = 'Set-CognitoUserPassword'; Impact = 'Medium' }
        @{ Name = 'New-CognitoGroup'; Impact = 'Low' }, @{ Name = 'Set-CognitoGroup'; Impact = 'Medium' }
        @{ Name = 'Remove-CognitoGroup'; Impact = 'High' }, @{ Name = 'Add-CognitoGroupMember'; Impact = 'Medium' }
        @{ Name = 'Remove-CognitoGroupMember'; Impact = 'Medium' }, @{ Name = 'Set-CognitoUserMfaPreference'; Impact = 'Medium' }
        @{ Name = 'Reset-CognitoUserMfa'; Impact = 'High' }, @{ Name = 'Remove-CognitoUserDevice'; Impact = 'Medium' }
        @{ Name = 'Send-CognitoUserInvitation'; Impact = 'Medium' }, @{ Name = 'Add-CognitoUserIdentity'; Impact = 'Medium' }
        @{ Name = 'Remove-CognitoUserIdentity'; Impact = 'Medium' }, @{ Name = 'Export-CognitoUser'; Impact = 'Low' }
        @{ Name = 'Import-CognitoUser'; Impact = 'Medium' }, @{ Name = 'Stop-CognitoUserImportJob'; Impact = 'Medium' }
    ) {
        $attribute = (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]

        $attribute.SupportsShouldProcess | Should -BeTrue
        "$($attribute.ConfirmImpact)" | Should -Be $Impact
    }

    It 'the cmdlets that only read do not ask' {
        foreach ($name in 'Get-CognitoUser', 'Get-CognitoUserPool', 'Get-CognitoGroup', 'Get-CognitoGroupMember', 'Connect-CognitoUserPool', 'Disconnect-CognitoUserPool',
            'Get-CognitoUserMfa', 'Get-CognitoUserDevice', 'Get-CognitoUserAuthEvent', 'Get-CognitoUserIdentity', 'Get-CognitoIamPolicy', 'Get-CognitoUserImportJob') {
            (Get-Command $name).Parameters.Keys | Should -Not -Contain 'WhatIf' -Because "$name changes nothing in Cognito"
        }
    }
}

Describe '-UserPoolId completion' {
    It 'offers the connected pool, the pools already used and the region''s pools' {
        $connected = New-EmulatorPool -Url $EmulatorUrl -Name 'completion-connected'
        $other = New-EmulatorPool -Url $EmulatorUrl -Name 'completion-other'
        Connect-CognitoUserPool $connected.Id -EndpointUrl $EmulatorUrl | Out-Null
        $line = 'Get-CognitoUser -UserPoolId '

        $offered = (TabExpansion2 $line $line.Length).CompletionMatches

        $offered[0].CompletionText | Should -Be $connected.Id
        $offered.CompletionText | Should -Contain $other.Id                       # listed from the region (ListUserPools)
        ($offered | Where-Object CompletionText -EQ $other.Id).ToolTip | Should -Match 'completion-other'
        Disconnect-CognitoUserPool
    }

    It 'offers nothing, never file names, when it cannot reach the service' {
        $script = "Import-Module '$ModuleManifest'; `$line = 'Get-CognitoUserPool -EndpointUrl http://127.0.0.1:9 -UserPoolId '; (TabExpansion2 `$line `$line.Length).CompletionMatches.Count"

        $count = & $PwshPath -NoProfile -NonInteractive -Command $script

        $count | Should -Be '0'
    }
}
