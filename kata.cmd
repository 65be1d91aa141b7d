@echo off
rem kata.cmd: the board of katas, and the checker's commands (kata --help). Windows twin of ./kata.
setlocal
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "TARGET=%ROOT%\checker\cli\target"

if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")

rem Build the checker on first use. After pulling changes to checker\, delete checker\cli\target to rebuild.
if not exist "%TARGET%\lib\.built" (
  echo Setting up the checker ^(first run: fetching Maven and building; this takes a minute or two^)...
  if exist "%TARGET%\lib" rmdir /s /q "%TARGET%\lib"
  call "%ROOT%\mvnw.cmd" -B -q -f "%ROOT%\pom.xml" -pl checker/cli -am -DskipTests package > "%TEMP%\kata-setup.log" 2>&1
  if errorlevel 1 (
    echo kata: setting up failed. See %TEMP%\kata-setup.log 1>&2
    exit /b 2
  )
  type nul > "%TARGET%\lib\.built"
)

"%JAVA%" "@%ROOT%\checker\process-library\src\main\resources\katas\process\fast-start.jvm-options" "-Xlog:cds*=off:stderr" "-Dkatas.root=%ROOT%" -cp "%TARGET%\checker.jar;%TARGET%\lib\*" katas.checker.Main %*
exit /b %ERRORLEVEL%
