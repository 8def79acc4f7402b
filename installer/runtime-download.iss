// The Java runtime a download build brings (part of traytalk.iss's [Code], included when RuntimeMode is "download"):
// on Next at the Ready page the pinned Temurin zip (JreUrl) is downloaded into {tmp} and its SHA-256 checked against
// JreSha256; a few tries at once, then the user's Retry or Cancel. Before the files are installed it is unpacked
// (unzip-runtime.exe) into {app}\runtime.new, checked, and swapped in as {app}\runtime. Whatever fails, the setup stops
// with a message and leaves nothing half-installed: an earlier runtime stays as it was.

const
  JreArchive = 'temurin-jre.zip';              // the download, in {tmp}
  JreMarker = 'traytalk-runtime.sha256';       // in {app}\runtime: the SHA-256 of the archive it was unpacked from
  JreAttempts = 3;                             // downloads tried before the user is asked

var
  DownloadPage: TDownloadWizardPage;
  RuntimeDownloaded: Boolean;  // the checked archive waits in {tmp}
  RuntimeIsNew: Boolean;       // {app}\runtime did not exist before this setup made it
  AppDirIsNew: Boolean;        // nor did {app}
  SetupDone: Boolean;

function RuntimeFolder(): String;
begin
  Result := ExpandConstant('{app}\runtime');
end;

procedure CreateRuntimeDownloadPage();
begin
  DownloadPage := CreateDownloadPage('Downloading Java',
    'TrayTalk runs on Java. Setup is downloading Eclipse Temurin JRE ' + JreRelease + ', a free Java runtime, for TrayTalk alone.',
    nil);
end;

// The runtime this setup would install is there already: its marker names the pinned archive.
function RuntimeInPlace(): Boolean;
var
  Sha: AnsiString;
begin
  Result := FileExists(RuntimeFolder() + '\bin\javaw.exe') and
    LoadStringFromFile(RuntimeFolder() + '\' + JreMarker, Sha) and SameText(Trim(String(Sha)), JreSha256);
end;

// The server's name in JreUrl, for the messages.
function JreHost(): String;
begin
  Result := JreUrl;
  Delete(Result, 1, Pos('://', Result) + 2);
  if Pos('/', Result) > 0 then
    Result := Copy(Result, 1, Pos('/', Result) - 1);
end;

// What to tell the user after the last failed try: a different file, or no connection.
function DownloadProblem(const Error: String): String;
var
  HashError: String;
begin
  HashError := SetupMessage(msgErrorFileHash2);
  HashError := Copy(HashError, 1, Pos('%', HashError) - 1);
  if (HashError <> '') and (Pos(HashError, Error) > 0) then
    Result := 'Setup downloaded the Java runtime that TrayTalk needs (Eclipse Temurin JRE ' + JreRelease + '), but ' +
      'the file that arrived is not the one this setup expects: its SHA-256 checksum differs, so it was not ' +
      'installed. A proxy or network filter that changes downloads can cause this.'
  else
    Result := 'Setup could not download the Java runtime that TrayTalk needs (Eclipse Temurin JRE ' + JreRelease +
      ') from ' + JreHost() + '. Check that this computer is connected to the internet and may reach ' + JreHost() +
      ' (a proxy or firewall can block it).';
  Result := Result + #13#10#13#10 + 'Click Retry to try again, or Cancel to stop Setup. Nothing has been changed ' +
    'on this computer.' + #13#10#13#10 + 'Details: ' + Error;
end;

// One try: True when the archive is in {tmp} with the pinned SHA-256 (Inno Setup checks it and deletes a file that
// does not match).
function DownloadOnce(const Attempt: Integer; var Error: String): Boolean;
begin
  DownloadPage.Clear;
  DownloadPage.Add(JreUrl, JreArchive, JreSha256);
  try
    DownloadPage.Download;
    Result := True;
  except
    Error := GetExceptionMessage;
    Result := False;
    Log(Format('TrayTalk: runtime: download %d of %d failed: %s', [Attempt, JreAttempts, Error]));
  end;
end;

function DownloadRuntime(): Boolean;
var
  Attempt: Integer;
  Error: String;
  Asking: Boolean;
begin
  Result := False;
  Asking := True;
  DownloadPage.Show;
  try
    while Asking and not Result do
    begin
      Attempt := 1;
      while (Attempt <= JreAttempts) and not Result and not DownloadPage.AbortedByUser do
      begin
        if Attempt > 1 then
          Sleep(1000 * (Attempt - 1));  // a dropped connection or a busy server may be back in a moment
        Result := DownloadOnce(Attempt, Error);
        Attempt := Attempt + 1;
      end;
      if Result then
        Log('TrayTalk: runtime: downloaded ' + JreUrl + ', SHA-256 ' + JreSha256 + ' as pinned')
      else if DownloadPage.AbortedByUser then
      begin
        Log('TrayTalk: runtime: the download was stopped by the user');
        Asking := False;
      end
      else
      begin
        Log('TrayTalk: runtime: not installed: ' + DownloadProblem(Error));
        // a silent setup takes Cancel and ends: its exit code and log tell
        Asking := SuppressibleMsgBox(DownloadProblem(Error), mbError, MB_RETRYCANCEL, IDCANCEL) = IDRETRY;
        if Asking then
          Log('TrayTalk: runtime: Retry: downloading again');
      end;
    end;
  finally
    DownloadPage.Hide;
  end;
end;

// NextButtonClick at the Ready page: True when the setup may go on installing.
function DownloadRuntimeUnlessInPlace(): Boolean;
begin
  RuntimeDownloaded := False;
  if RuntimeInPlace() then
  begin
    Log('TrayTalk: runtime: Eclipse Temurin JRE ' + JreRelease + ' is in ' + RuntimeFolder() + ' already: no download');
    Result := True;
  end
  else
  begin
    Result := DownloadRuntime();
    RuntimeDownloaded := Result;
  end;
end;

// Unpacks the archive into Staging and checks it; '' when it holds a Java 17 or later, else what is wrong.
function UnpackRuntime(const Staging: String): String;
var
  Code: Integer;
begin
  Result := '';
  ExtractTemporaryFile('unzip-runtime.exe');
  if not ExecAndLogOutput(ExpandConstant('{tmp}\unzip-runtime.exe'),
      '"' + ExpandConstant('{tmp}\' + JreArchive) + '" "' + Staging + '"', '', SW_HIDE, ewWaitUntilTerminated,
      Code, nil) then
    Result := 'unzip-runtime.exe could not be started: ' + SysErrorMessage(Code)
  else if Code <> 0 then
    Result := 'it could not be unpacked (the setup log says why)'
  else if not FileExists(Staging + '\bin\javaw.exe') then
    Result := 'it holds no bin\javaw.exe'
  else if ReleaseMajor(Staging) < JavaMinMajor then
    Result := 'it is not a Java 17 or later'
  else if not SaveStringToFile(Staging + '\' + JreMarker, JreSha256, False) then
    Result := 'cannot write to ' + Staging;
end;

// PrepareToInstall, after TrayTalk has quit: the downloaded runtime becomes {app}\runtime; '' when it did, else the
// message that stops the setup.
function InstallDownloadedRuntime(): String;
var
  App, Staging, Old: String;
begin
  Result := '';
  if not RuntimeDownloaded then
    Exit;
  App := ExpandConstant('{app}');
  Staging := App + '\runtime.new';
  Old := App + '\runtime.old';
  AppDirIsNew := not DirExists(App);
  RuntimeIsNew := not DirExists(RuntimeFolder());
  DelTree(Staging, True, True, True);
  DelTree(Old, True, True, True);
  if not ForceDirectories(App) then
    Result := 'cannot create the folder ' + App
  else
    Result := UnpackRuntime(Staging);
  if Result = '' then
    if not RuntimeIsNew and not RenameFile(RuntimeFolder(), Old) then
      Result := 'the runtime in ' + RuntimeFolder() + ' cannot be replaced (is a program still using it?)'
    else if not RenameFile(Staging, RuntimeFolder()) then
    begin
      if not RuntimeIsNew then
        RenameFile(Old, RuntimeFolder());
      Result := 'cannot rename ' + Staging + ' to ' + RuntimeFolder();
    end;
  if Result = '' then
  begin
    DelTree(Old, True, True, True);
    Log('TrayTalk: runtime: Eclipse Temurin JRE ' + JreRelease + ' installed in ' + RuntimeFolder());
  end
  else
  begin
    DelTree(Staging, True, True, True);
    if AppDirIsNew then
      RemoveDir(App);
    Result := 'Setup could not install the Java runtime that TrayTalk needs: ' + Result + '. Nothing has been ' +
      'changed on this computer.';
    Log('TrayTalk: runtime: not installed: ' + Result);
  end;
end;

procedure KeepInstalledRuntime();
begin
  SetupDone := True;
end;

// DeinitializeSetup: a runtime this setup unpacked into a new folder goes again when the installation did not
// finish (cancelled or failed: Inno Setup has rolled back its own files, but not this folder).
procedure RemoveRuntimeOfUnfinishedSetup();
begin
  if RuntimeDownloaded and RuntimeIsNew and not SetupDone then
  begin
    DelTree(RuntimeFolder(), True, True, True);
    if AppDirIsNew then
      RemoveDir(ExpandConstant('{app}'));
    Log('TrayTalk: runtime: removed again: the installation did not finish');
  end;
end;
