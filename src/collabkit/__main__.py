from collabkit.cli import main

main()
