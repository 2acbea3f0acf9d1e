# Export, import and moving pools, against the project's stand-in (cognito-local has no import jobs), through the fault
# gateway where a test needs faults or counts; state is read back through the AWS JS SDK.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Role = 'arn:aws:iam::123456789012:role/CognitoImport'

    function Add-StandInPool([string] $PoolId, [object[]] $Users = @(), [object[]] $Groups = @(), [hashtable] $Settings = @{ CustomAttributes = @('custom:team') }) {
        $seed = @{ pool = $PoolId; users = @($Users); groups = @($Groups); settings = $Settings } | ConvertTo-Json -Depth 8
        Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body $seed | Out-Null
    }
    function Get-SdkPoolUsers([string] $PoolId) {
        @((Invoke-Sdk ListUsers @{ UserPoolId = $PoolId } -Endpoint $FakeUrl).Users) | ForEach-Object {
            $attributes = @{}
            foreach ($a in @($_.Attributes)) { if ($a) { $attributes[$a.Name] = $a.Value } }
            [pscustomobject]@{ Username = $_.Username; Status = $_.UserStatus; Attributes = $attributes }
        } | Sort-Object Username
    }
    function Attr([string] $Name, [string] $Value) { @{ Name = $Name; Value = $Value } }
    $Staff = @(
        @{ Username = 'ann'; Attributes = @((Attr 'email' 'ann@example.com'), (Attr 'email_verified' 'true'), (Attr 'given_name' 'Ann'), (Attr 'custom:team' 'ops, "core"')) }
        @{ Username = 'ben'; Attributes = @((Attr 'email' 'ben@example.com'), (Attr 'email_verified' 'true'), (Attr 'family_name' 'Ode'), (Attr 'custom:team' 'sales')) }
        @{ Username = 'cat'; Attributes = @((Attr 'phone_number' '+15550100'), (Attr 'phone_number_verified' 'true')) }
    )
    $StaffGroups = @(
        @{ GroupName = 'ops'; Description = 'Operations'; Precedence = 10; RoleArn = 'arn:aws:iam::123456789012:role/ops'; Members = @('ann', 'cat') }
        @{ GroupName = 'all'; Description = 'Everyone'; Precedence = 90; Members = @('ann', 'ben', 'cat') }
    )
}

AfterAll { Stop-OwnTestServers }

Describe 'Export-CognitoUser' {
    BeforeAll {
        Add-StandInPool 'eu-west-1_ExportStaff' -Users $Staff -Groups $StaffGroups
        $StaffPool = @{ UserPoolId = 'eu-west-1_ExportStaff'; EndpointUrl = $FakeGatewayUrl }
    }

    It 'writes one column per attribute of the pool (custom ones included) and the groups, from one listing per group' {
        Set-FakeGatewayFaults
        $file = Join-Path $TestDrive 'staff.csv'

        Export-CognitoUser $file @StaffPool -IncludeGroups

        $rows = Import-Csv $file | Sort-Object Username
        $rows.Username | Should -Be @('ann', 'ben', 'cat')
        $columns = $rows[0].PSObject.Properties.Name
        $columns[0..4] | Should -Be @('Username', 'Status', 'Enabled', 'Created', 'Modified')
        $columns | Should -Contain 'custom:team'
        $columns | Should -Contain 'middle_name'           # every attribute of the schema, set or not
        $columns[-1] | Should -Be 'Groups'
        $rows[0].'custom:team' | Should -Be 'ops, "core"'
        $rows[0].Groups | Should -Be 'all;ops'
        $rows[1].Groups | Should -Be 'all'
        $rows[2].phone_number | Should -Be '+15550100'
        [datetime]::Parse($rows[0].Created).Kind | Should -Not -BeNullOrEmpty
        $byOperation = (Get-FakeGatewayStats).byOperation
        $byOperation.ListUsersInGroup | Should -Be 2
        $byOperation.PSObject.Properties.Name | Should -Not -Contain 'AdminListGroupsForUser'
        Test-Path "$file.checkpoint" | Should -BeFalse
        Test-Path "$file.partial" | Should -BeFalse
    }

    It 'writes JSON with -Attribute picking the columns, and refuses an attribute the pool does not have' {
        $file = Join-Path $TestDrive 'staff.json'

        Export-CognitoUser $file @StaffPool -Format Json -Attribute email, custom:team

        $users = Get-Content $file -Raw | ConvertFrom-Json | Sort-Object Username
        $users.Username | Should -Be @('ann', 'ben', 'cat')
        $users[0].Attributes.'custom:team' | Should -Be 'ops, "core"'
        $users[0].Attributes.PSObject.Properties.Name | Should -Be @('email', 'custom:team')
        @($users[2].Attributes.PSObject.Properties).Count | Should -Be 0
        { Export-CognitoUser (Join-Path $TestDrive 'x.csv') @StaffPool -Attribute 'custom:nope' } | Should -Throw -ErrorId 'UnknownAttribute,*'
    }

    It 'will not overwrite a file without -Force, and -Resume needs an interrupted export' {
        $file = Join-Path $TestDrive 'exists.csv'
        'keep me' | Set-Content $file

        { Export-CognitoUser $file @StaffPool } | Should -Throw -ErrorId 'FileExists,*'
        Get-Content $file | Should -Be 'keep me'
        { Export-CognitoUser (Join-Path $TestDrive 'never.csv') @StaffPool -Resume } | Should -Throw -ErrorId 'FileProblem,*'
        Export-CognitoUser $file @StaffPool -Force
        (Import-Csv $file).Count | Should -Be 3
    }

    It 'an export cut by lost connections continues with -Resume: every user exactly once, the same rows as an uncut export' {
        $big = @{ UserPoolId = 'eu-west-1_Paged3000'; EndpointUrl = $FakeGatewayUrl }
        $whole = Join-Path $TestDrive 'whole.csv'
        Set-FakeGatewayFaults
        Export-CognitoUser $whole @big
        $file = Join-Path $TestDrive 'cut.csv'
        Set-FakeGatewayFaults -Rules @(@{ operation = 'ListUsers'; fault = 'drop'; chance = 0.08 }) -Seed 11

        Export-CognitoUser $file @big -MaxRetries 0 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        $failed.Count | Should -Be 1
        "$warned" | Should -Match '-Resume'
        Test-Path "$file.checkpoint" | Should -BeTrue
        Test-Path $file | Should -BeFalse
        Set-FakeGatewayFaults
        Export-CognitoUser $file @big -Resume
        $rows = Import-Csv $file
        $rows.Count | Should -Be 3000
        ($rows.Username | Sort-Object -Unique).Count | Should -Be 3000
        Compare-Object ($rows | ForEach-Object { $_.Username + '|' + $_.email } | Sort-Object) ((Import-Csv $whole) | ForEach-Object { $_.Username + '|' + $_.email } | Sort-Object) |
            Should -BeNullOrEmpty
        Test-Path "$file.checkpoint" | Should -BeFalse
    }
}

Describe 'Import-CognitoUser' {
    BeforeAll {
        Add-StandInPool 'eu-west-1_ImportTarget'
        $Target = @{ UserPoolId = 'eu-west-1_ImportTarget'; EndpointUrl = $FakeGatewayUrl }
        $Header = (Invoke-Sdk GetCSVHeader @{ UserPoolId = 'eu-west-1_ImportTarget' } -Endpoint $FakeUrl).CSVHeader
        function New-ImportFile([string] $Name, [object[]] $Rows) {
            $path = Join-Path $TestDrive $Name
            $lines = @($Header -join ',') + @($Rows | ForEach-Object { $row = $_; ($Header | ForEach-Object { if ($row.ContainsKey($_)) { $row[$_] } else { '' } }) -join ',' })
            $lines | Set-Content $path
            $path
        }
    }

    It 'checks every row before anything is created: each bad row is its own error with its line number' {
        Set-FakeGatewayFaults
        $file = New-ImportFile 'bad.csv' @(
            @{ 'cognito:username' = 'ok-1'; 'cognito:mfa_enabled' = 'false' }
            @{ 'cognito:username' = 'ok-1'; 'cognito:mfa_enabled' = 'false' }           # line 3: twice in the file
            @{ 'cognito:username' = ''; 'cognito:mfa_enabled' = 'false' }               # line 4: no user name
            @{ 'cognito:username' = 'ok-2'; 'cognito:mfa_enabled' = 'maybe' }           # line 5: not a boolean
            @{ 'cognito:username' = 'ok-3'; 'cognito:mfa_enabled' = 'false'; email_verified = 'yes' }   # line 6
        )

        $stopped = $null
        try { Import-CognitoUser $file @Target -CloudWatchLogsRoleArn $Role -ErrorVariable rows -ErrorAction Continue 2>$null } catch { $stopped = $_ }

        $stopped.FullyQualifiedErrorId | Should -BeLike 'ImportFileInvalid,*'
        $rowErrors = @($rows | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -notlike 'ImportFileInvalid*' })
        $rowErrors.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } |
            Should -Be @('ImportDuplicateUsername', 'ImportUsernameMissing', 'ImportInvalidBoolean', 'ImportInvalidBoolean')
        $rowErrors.TargetObject | Should -Be @("${file}:3", "${file}:4", "${file}:5", "${file}:6")
        "$($rowErrors[0])" | Should -Match 'line 3: User .ok-1. is already on line 2'
        (Get-FakeGatewayStats).byOperation.PSObject.Properties.Name | Should -Not -Contain 'CreateUserImportJob'
    }

    It 'refuses a header that is not GetCSVHeader''s, a role that is not an ARN, and a file that is not there, creating nothing' {
        Set-FakeGatewayFaults
        $wrong = Join-Path $TestDrive 'wrong.csv'
        "cognito:username,email`nx,x@example.com" | Set-Content $wrong

        { Import-CognitoUser $wrong @Target -CloudWatchLogsRoleArn $Role -ErrorAction Stop } | Should -Throw -ErrorId 'ImportHeaderMismatch*'
        { Import-CognitoUser $wrong @Target -CloudWatchLogsRoleArn 'CognitoImport' } | Should -Throw -ErrorId 'InvalidRoleArn,*'
        { Import-CognitoUser (Join-Path $TestDrive 'nope.csv') @Target -CloudWatchLogsRoleArn $Role } | Should -Throw -ErrorId 'FileProblem,*'
        (Get-FakeGatewayStats).byOperation.PSObject.Properties.Name | Should -Not -Contain 'CreateUserImportJob'
    }

    It '-WhatIf checks the file and creates no job' {
        Set-FakeGatewayFaults
        $file = New-ImportFile 'fine.csv' @(@{ 'cognito:username' = 'whatif-1'; 'cognito:mfa_enabled' = 'false' })

        Import-CognitoUser $file @Target -CloudWatchLogsRoleArn $Role -WhatIf

        (Get-FakeGatewayStats).byOperation.PSObject.Properties.Name | Should -Be @('DescribeUserPool', 'GetCSVHeader')
    }

    It 'runs the job: upload with the encryption header, start, progress until it ends; imported users wait in RESET_REQUIRED' {
        Set-FakeGatewayFaults
        $file = New-ImportFile 'good.csv' @(1..40 | ForEach-Object { @{ 'cognito:username' = "imp-$_"; 'cognito:mfa_enabled' = 'false'; email = "imp-$_@example.com"; email_verified = 'true' } })
        $uploads = (Get-FakeStats).uploads

        $job = Import-CognitoUser $file @Target -CloudWatchLogsRoleArn $Role -PollIntervalSec 1

        $job.GetType().FullName | Should -Be 'CognitoPs.CognitoUserImportJob'
        $job.Status | Should -Be 'Succeeded'
        $job.ImportedUsers | Should -Be 40
        (Get-FakeStats).uploads | Should -Be ($uploads + 1)
        (Get-FakeStats).refusedUploads | Should -Be 0
        $users = Get-SdkPoolUsers 'eu-west-1_ImportTarget' | Where-Object Username -like 'imp-*'
        $users.Count | Should -Be 40
        $users.Status | Select-Object -Unique | Should -Be 'RESET_REQUIRED'
        (Get-CognitoUserImportJob $job.JobId @Target).Status | Should -Be 'Succeeded'
        @(Get-CognitoUserImportJob @Target).JobId | Should -Contain $job.JobId
    }

    It 'the stand-in refuses an upload without the encryption header as S3 does (403 SignatureDoesNotMatch)' {
        $created = Invoke-Sdk CreateUserImportJob @{ UserPoolId = 'eu-west-1_ImportTarget'; JobName = 'raw'; CloudWatchLogsRoleArn = $Role } -Endpoint $FakeUrl
        $answer = Invoke-WebRequest -Method Put -Uri $created.UserImportJob.PreSignedUrl -Body 'x' -SkipHttpErrorCheck

        $answer.StatusCode | Should -Be 403
        "$($answer.Content)" | Should -Match '<Code>SignatureDoesNotMatch</Code>'
    }

    It 'in a terminal, Ctrl+C while waiting asks what to do, and "Stop the job" stops it' {
        $file = New-ImportFile 'slow.csv' @(1..30 | ForEach-Object { @{ 'cognito:username' = "slow-$_"; 'cognito:mfa_enabled' = 'false' } })
        $script = Join-Path $TestDrive 'slow.ps1'
        @"
`$env:AWS_ACCESS_KEY_ID = '$env:AWS_ACCESS_KEY_ID'; `$env:AWS_SECRET_ACCESS_KEY = '$env:AWS_SECRET_ACCESS_KEY'; `$env:AWS_REGION = 'eu-west-1'; `$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$ModuleManifest'
`$job = Import-CognitoUser '$file' -UserPoolId eu-west-1_ImportTarget -EndpointUrl '$FakeUrl' -CloudWatchLogsRoleArn '$Role' -JobName slow-ctrl-c -PollIntervalSec 1
"RESULT `$(`$job.Status) `$(`$job.ImportedUsers)"
"@ | Set-Content $script
        # A terminal (script(1) gives the child a pty): Ctrl+C is a key there, not a signal, while the job is waited for.
        $start = [System.Diagnostics.ProcessStartInfo]::new('script')
        foreach ($argument in '-qec', "$PwshPath -NoProfile -File $script", '/dev/null') { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        $screen = [System.Text.StringBuilder]::new()
        $buffer = [char[]]::new(4096)
        $pressed = $answered = $false
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $read = $process.StandardOutput.ReadAsync($buffer, 0, $buffer.Length)
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($read.Wait(200)) {
                if ($read.Result -eq 0) { break }
                $chunk = [string]::new($buffer, 0, $read.Result)
                $screen.Append($chunk) | Out-Null
                foreach ($query in [regex]::Matches($chunk, "`e\[6n")) { $process.StandardInput.Write("`e[1;1R") }
                $read = $process.StandardOutput.ReadAsync($buffer, 0, $buffer.Length)
            }
            $text = $screen.ToString()
            if (-not $pressed -and $text.Contains('InProgress')) { Start-Sleep -Milliseconds 700; $process.StandardInput.Write([char]3); $pressed = $true }
            if ($pressed -and -not $answered -and $text.Contains('[S] Stop the job') -and $text.LastIndexOf("`e[6n") -gt $text.IndexOf('[S] Stop the job')) {
                $process.StandardInput.Write("S`r"); $answered = $true
            }
            $process.StandardInput.Flush()
        }
        if (-not $process.WaitForExit(10000)) { $process.Kill($true) }
        $plain = $screen.ToString() -replace "`e\[[0-9;?]*[A-Za-z]", ''

        $plain | Should -Match 'Stop the job \(users imported so far stay\), leave it running and return, or keep'
        $plain | Should -Match 'RESULT Stopped (\d+)'
        [int]([regex]::Match($plain, 'RESULT Stopped (\d+)').Groups[1].Value) | Should -BeLessThan 30
    }

    It '-NoWait returns the started job; Stop-CognitoUserImportJob stops it; rows that fail are counted and the log group named' {
        $file = New-ImportFile 'again.csv' @(1..3 | ForEach-Object { @{ 'cognito:username' = "imp-$_"; 'cognito:mfa_enabled' = 'false' } })   # they exist now

        $started = Import-CognitoUser $file @Target -CloudWatchLogsRoleArn $Role -NoWait -JobName 'again'
        $started.Status | Should -BeIn @('Pending', 'InProgress')
        $stopped = $started | Stop-CognitoUserImportJob -PassThru
        $stopped.Status | Should -Be 'Stopping'

        $failing = Import-CognitoUser $file @Target -CloudWatchLogsRoleArn $Role -PollIntervalSec 1 -JobName 'again-2' -WarningVariable warned -WarningAction SilentlyContinue
        $failing.FailedUsers | Should -Be 3
        "$warned" | Should -Match ([regex]::Escape('/aws/cognito/userpools/eu-west-1_ImportTarget/again-2'))
        { Get-CognitoUserImportJob 'import-0000000000000000' @Target -ErrorAction Stop } | Should -Throw -ErrorId 'ResourceNotFound,*'
    }
}

Describe 'Moving a pool with plain pipelines, read back through the JS SDK' {
    BeforeAll {
        Add-StandInPool 'eu-west-1_MoveFrom' -Users $Staff -Groups $StaffGroups
        Add-StandInPool 'eu-west-1_MoveTo'
        Add-StandInPool 'eu-west-1_MoveSmall'
        $From = @{ UserPoolId = 'eu-west-1_MoveFrom'; EndpointUrl = $FakeUrl }
        $To = @{ UserPoolId = 'eu-west-1_MoveTo'; EndpointUrl = $FakeUrl }
        function Move-Pool {
            $file = Join-Path $TestDrive 'move.csv'
            Export-CognitoUser $file @From -Format CognitoImport -Force
            Import-CognitoUser $file @To -CloudWatchLogsRoleArn $Role -PollIntervalSec 1 -WarningAction SilentlyContinue | Out-Null
            Get-CognitoGroup @From | New-CognitoGroup @To -ErrorAction SilentlyContinue | Out-Null
            Get-CognitoGroup @From | Get-CognitoGroupMember | Add-CognitoGroupMember @To
        }
    }

    It 'users (standard and custom attributes), groups (description, precedence, role) and memberships arrive; a second run duplicates nothing' {
        Move-Pool
        Move-Pool

        $users = Get-SdkPoolUsers 'eu-west-1_MoveTo'
        $users.Username | Should -Be @('ann', 'ben', 'cat')
        $users.Status | Select-Object -Unique | Should -Be 'RESET_REQUIRED'
        $users[0].Attributes.'custom:team' | Should -Be 'ops, "core"'
        $users[0].Attributes.given_name | Should -Be 'Ann'
        $users[1].Attributes.email | Should -Be 'ben@example.com'
        $users[2].Attributes.phone_number | Should -Be '+15550100'
        $groups = (Invoke-Sdk ListGroups @{ UserPoolId = 'eu-west-1_MoveTo' } -Endpoint $FakeUrl).Groups | Sort-Object GroupName
        $groups.GroupName | Should -Be @('all', 'ops')
        ($groups | Where-Object GroupName -eq ops).Description | Should -Be 'Operations'
        ($groups | Where-Object GroupName -eq ops).Precedence | Should -Be 10
        ($groups | Where-Object GroupName -eq ops).RoleArn | Should -Be 'arn:aws:iam::123456789012:role/ops'
        @((Invoke-Sdk ListUsersInGroup @{ UserPoolId = 'eu-west-1_MoveTo'; GroupName = 'ops' } -Endpoint $FakeUrl).Users.Username | Sort-Object) | Should -Be @('ann', 'cat')
        @((Invoke-Sdk ListUsersInGroup @{ UserPoolId = 'eu-west-1_MoveTo'; GroupName = 'all' } -Endpoint $FakeUrl).Users.Username).Count | Should -Be 3
    }

    It 'for a small pool, Get-CognitoUser | New-CognitoUser copies every writable attribute and leaves sub to Cognito' {
        Get-CognitoUser @From | New-CognitoUser -UserPoolId 'eu-west-1_MoveSmall' -EndpointUrl $FakeUrl -MessageAction Suppress | Out-Null

        $users = Get-SdkPoolUsers 'eu-west-1_MoveSmall'
        $source = Get-SdkPoolUsers 'eu-west-1_MoveFrom'
        $users.Username | Should -Be @('ann', 'ben', 'cat')
        $users[0].Attributes.'custom:team' | Should -Be 'ops, "core"'
        $users[0].Attributes.email | Should -Be 'ann@example.com'
        $users[0].Attributes.email_verified | Should -Be 'true'
        $users[0].Attributes.sub | Should -Not -Be $source[0].Attributes.sub
        $users.Status | Select-Object -Unique | Should -Be 'FORCE_CHANGE_PASSWORD'
    }
}
